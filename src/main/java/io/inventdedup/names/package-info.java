/**
 * Names: whether two names, in any script and convention, are one person's, as evidence in words.
 * Pure Java, no Spring, no I/O beyond its own resources (the published lists and the conventions
 * under {@code names/}); {@code policy} asks it for a verdict and keeps the merge rules.
 */
@NullMarked
package io.inventdedup.names;

import org.jspecify.annotations.NullMarked;
