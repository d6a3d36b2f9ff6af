/**
 * The record: the audit table, its rows and statuses, the run's facts; every query of dedup_audit
 * is in this package.
 */
@NullMarked
package io.inventdedup.audit;

import org.jspecify.annotations.NullMarked;
