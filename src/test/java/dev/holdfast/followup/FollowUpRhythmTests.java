package dev.holdfast.followup;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.holdfast.customer.CustomerLevel;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpRhythmTests {

	private final FollowUpRhythm defaults = new FollowUpRhythm(null);

	@Test
	void defaultsFollowTheLevel() {
		assertThat(this.defaults.interval(CustomerLevel.A)).contains(Duration.ofDays(7));
		assertThat(this.defaults.interval(CustomerLevel.B)).contains(Duration.ofDays(15));
		assertThat(this.defaults.interval(CustomerLevel.C)).contains(Duration.ofDays(30));
		assertThat(this.defaults.interval(CustomerLevel.D)).isEmpty();
	}

	@Test
	void configurationReplacesTheDefaults() {
		FollowUpRhythm custom = new FollowUpRhythm(Map.of(CustomerLevel.D, Duration.ofDays(90)));
		assertThat(custom.interval(CustomerLevel.D)).contains(Duration.ofDays(90));
		assertThat(custom.interval(CustomerLevel.A)).isEmpty();
	}

}
