/**
 * The merge step (the policy processor, the review gate and queue, the writer that records and the
 * sender that merges) and the steps after it: noLongerListed, followUp, settle.
 */
@NullMarked
package io.inventdedup.merge;

import org.jspecify.annotations.NullMarked;
