/**
 * The collect step: the paged reader over a window of the API's duplicate listing, the snapshot
 * table, its listings (one a window) and which window comes next.
 */
@NullMarked
package io.inventdedup.collect;

import org.jspecify.annotations.NullMarked;
