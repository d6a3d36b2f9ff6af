/**
 * The merge policy: pure Java, no Spring, no I/O. A group and a policy in, a plan out; the name
 * check, the review comparison, the settling verdict, the cap.
 */
@NullMarked
package io.inventdedup.policy;

import org.jspecify.annotations.NullMarked;
