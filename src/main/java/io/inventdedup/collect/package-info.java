/**
 * The collect step: the paged reader over the API's duplicate listing, the snapshot table and its
 * listings.
 */
@NullMarked
package io.inventdedup.collect;

import org.jspecify.annotations.NullMarked;
