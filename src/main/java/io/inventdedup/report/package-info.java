/**
 * What a person reads of a run: the summary, the CSV, the run's page.
 */
@NullMarked
package io.inventdedup.report;

import org.jspecify.annotations.NullMarked;
