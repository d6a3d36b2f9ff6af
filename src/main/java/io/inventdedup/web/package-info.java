/**
 * The review in a browser (--serve): its own Spring Boot application, pages and sign-in over
 * decision and report.
 */
@NullMarked
package io.inventdedup.web;

import org.jspecify.annotations.NullMarked;
