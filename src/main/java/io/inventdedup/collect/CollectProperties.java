package io.inventdedup.collect;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the collect step judges the listing it read ({@code dedup.collect.*}).
 *
 * @param maxShortfall the run fails, nothing merged, when the listing's {@code pagination-count}
 * announced more groups than the collect saw by more than this share of the count: a collect that
 * missed groups is not a complete run
 */
@Validated
@ConfigurationProperties("dedup.collect")
public record CollectProperties(@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.01") double maxShortfall) {
}
