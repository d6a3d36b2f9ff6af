/**
 * What people decide (approve, reject, hold, settle by hand): its rules and its tables. The
 * command line and the browser both call it.
 */
@NullMarked
package io.inventdedup.decision;

import org.jspecify.annotations.NullMarked;
