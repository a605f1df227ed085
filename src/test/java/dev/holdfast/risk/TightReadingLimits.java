package dev.holdfast.risk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs an integration test with the reading budgets of {@code application.yml} (the
 * tests' configuration lifts them out of the way of the other tests), except that the
 * buckets refill fifty times slower: a busy test machine must not refill a bucket as fast
 * as a test empties it. Every class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = { "holdfast.risk.rate-limits.record-capacity=120",
		"holdfast.risk.rate-limits.record-per-second=0.02", "holdfast.risk.rate-limits.row-capacity=1000",
		"holdfast.risk.rate-limits.row-per-second=0.04", "holdfast.risk.rate-limits.leaving-factor=0.5" })
public @interface TightReadingLimits {

}
