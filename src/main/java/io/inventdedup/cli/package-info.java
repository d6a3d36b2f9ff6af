/**
 * The command line: sorts the arguments before anything starts, and the commands that need only
 * the database.
 */
@NullMarked
package io.inventdedup.cli;

import org.jspecify.annotations.NullMarked;
