package dev.holdfast.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.holdfast.customer.CustomerLevel;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpRhythmTests {

	private static final Instant CREATED = Instant.parse("2026-11-01T02:00:00Z");

	private final FollowUpRhythm defaults = new FollowUpRhythm(null);

	@Test
	void defaultsFollowTheLevel() {
		assertThat(this.defaults.interval(CustomerLevel.A)).contains(Duration.ofDays(7));
		assertThat(this.defaults.interval(CustomerLevel.B)).contains(Duration.ofDays(15));
		assertThat(this.defaults.interval(CustomerLevel.C)).contains(Duration.ofDays(30));
		assertThat(this.defaults.interval(CustomerLevel.D)).isEmpty();
	}

	@Test
	void aCustomerIsDueItsIntervalAfterTheLaterOfItsLastFollowUpAndItsArrival() {
		Instant followedUp = CREATED.plus(Duration.ofDays(3));
		assertThat(this.defaults.dueAt(CustomerLevel.A, null, CREATED)).contains(CREATED.plus(Duration.ofDays(7)));
		assertThat(this.defaults.dueAt(CustomerLevel.A, followedUp, CREATED))
			.contains(followedUp.plus(Duration.ofDays(7)));
		Instant handedOver = CREATED.plus(Duration.ofDays(5));
		assertThat(this.defaults.dueAt(CustomerLevel.B, followedUp, handedOver))
			.contains(handedOver.plus(Duration.ofDays(15)));
		assertThat(this.defaults.dueAt(CustomerLevel.D, followedUp, CREATED)).isEmpty();
	}

	@Test
	void configurationReplacesTheDefaults() {
		FollowUpRhythm custom = new FollowUpRhythm(Map.of(CustomerLevel.D, Duration.ofDays(90)));
		assertThat(custom.interval(CustomerLevel.D)).contains(Duration.ofDays(90));
		assertThat(custom.interval(CustomerLevel.A)).isEmpty();
	}

}
