/**
 * What every room shares of the configuration: the one check of misspelt settings.
 */
@NullMarked
package io.inventdedup.config;

import org.jspecify.annotations.NullMarked;
