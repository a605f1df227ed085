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
 * tests' configuration lifts them out of the way of the other tests). Every class with
 * this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = { "holdfast.risk.rate-limits.record-capacity=" + DefaultReadingLimits.RECORD_CAPACITY,
		"holdfast.risk.rate-limits.record-per-second=" + DefaultReadingLimits.RECORD_PER_SECOND,
		"holdfast.risk.rate-limits.row-capacity=" + DefaultReadingLimits.ROW_CAPACITY,
		"holdfast.risk.rate-limits.row-per-second=" + DefaultReadingLimits.ROW_PER_SECOND,
		"holdfast.risk.rate-limits.leaving-factor=" + DefaultReadingLimits.LEAVING_FACTOR })
public @interface DefaultReadingLimits {

	/** The defaults of {@code holdfast.risk.rate-limits} in {@code application.yml}. */
	String RECORD_CAPACITY = "120";

	String RECORD_PER_SECOND = "1";

	String ROW_CAPACITY = "1000";

	String ROW_PER_SECOND = "2";

	String LEAVING_FACTOR = "0.5";

}
