package dev.holdfast.risk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ApplicationContext;

import dev.holdfast.ContextSwitch;

/**
 * Runs an integration test with the reading budgets of {@code application.yml} (the
 * tests' configuration lifts them out of the way of the other tests), except that the
 * buckets refill fifty times slower: a busy test machine must not refill a bucket as fast
 * as a test empties it. The budgets are switched in the shared context for the class and
 * lifted again after it; a bucket filled under the lifted budget holds no more than the
 * tight capacity at its next read (the refill is capped by the capacity).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TightReadingLimits.Switch.class)
public @interface TightReadingLimits {

	/** Switches the meter's budgets. */
	class Switch extends ContextSwitch {

		@Override
		protected Runnable apply(ApplicationContext context) {
			RiskProperties.RateLimits lifted = context.getBean(RiskProperties.class).rateLimits();
			return replace(context, lifted, new RiskProperties.RateLimits(true, 120, 0.02, 1000, 0.04, 0.5));
		}

	}

}
