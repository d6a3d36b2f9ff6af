/**
 * What people decide (approve, reject, hold, settle by hand): each decision on groups defined once
 * (GroupDecision), its rules and its tables, wired once (DecisionConfiguration). The command line and
 * the browser both call it.
 */
@NullMarked
package io.inventdedup.decision;

import org.jspecify.annotations.NullMarked;
