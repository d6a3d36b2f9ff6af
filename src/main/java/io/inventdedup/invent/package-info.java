/**
 * The Invent API client: its WebClient, the shared API budget, retries, lookups and errors.
 */
@NullMarked
package io.inventdedup.invent;

import org.jspecify.annotations.NullMarked;
