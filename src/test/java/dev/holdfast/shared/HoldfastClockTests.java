package dev.holdfast.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The one clock: times in {@code holdfast.zone} whatever the JVM's zone, a watermark's
 * stamp with its offset, the retired per-area keys refused at start-up, and no template
 * left on Thymeleaf's own (JVM-zoned) date objects.
 */
class HoldfastClockTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Instant AT = Instant.parse("2026-12-06T15:15:07Z");

	private final HoldfastClock clock = HoldfastClock.fixed(AT, SHANGHAI);

	@Test
	void timesAndDaysAreTheCompanys() {
		assertThat(this.clock.dateTime(AT)).isEqualTo("2026-12-06 23:15");
		assertThat(this.clock.format(AT, "yyyy-MM-dd HH:mm")).isEqualTo("2026-12-06 23:15");
		assertThat(this.clock.format(AT.atOffset(java.time.ZoneOffset.UTC), "HH:mm")).isEqualTo("23:15");
		assertThat(this.clock.format(LocalDate.of(2026, 12, 6), "yyyy-MM-dd")).isEqualTo("2026-12-06");
		assertThat(this.clock.format(null, "yyyy-MM-dd")).isEmpty();
		// 15:15 UTC on the 6th is already the 7th in Shanghai after 16:00 UTC
		HoldfastClock late = HoldfastClock.fixed(Instant.parse("2026-12-06T16:30:00Z"), SHANGHAI);
		assertThat(late.today()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(late.startOf(late.today())).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
		assertThat(late.endOf(late.today())).isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
	}

	@Test
	void aDateBroughtInWithoutATimeOfDayIsShownWithoutOne() {
		Instant midnight = Instant.parse("2026-07-31T16:00:00Z");
		assertThat(this.clock.dateTime(midnight, true)).as("a file's 2026-08-01").isEqualTo("2026-08-01");
		assertThat(this.clock.dateTime(midnight, false)).as("recorded in Holdfast at midnight")
			.isEqualTo("2026-08-01 00:00");
		assertThat(this.clock.dateTime(Instant.parse("2026-07-31T16:00:01Z"), true)).as("not exactly the day's start")
			.isEqualTo("2026-08-01 00:00");
		assertThat(this.clock.dateTime(Instant.parse("2026-08-01T06:30:00Z"), true)).isEqualTo("2026-08-01 14:30");
		assertThat(this.clock.dateTime(Instant.parse("2026-08-01T00:00:00Z"), true))
			.as("midnight in UTC is 08:00 in the company's zone")
			.isEqualTo("2026-08-01 08:00");
		assertThat(this.clock.dateTime(null, true)).isEmpty();
	}

	@Test
	void aStampShowsTheLocalTimeWithItsOffsetAndNoZ() {
		assertThat(this.clock.stamp(AT)).isEqualTo("2026-12-06 23:15:07 (UTC+08:00)");
		assertThat(HoldfastClock.of(ZoneId.of("UTC")).stamp(AT)).isEqualTo("2026-12-06 15:15:07 (UTC+00:00)");
	}

	@Test
	void theOneSettingIsHoldfastZone() {
		HoldfastClock clock = new HoldfastClock(new ClockProperties(ZoneId.of("Europe/Berlin")), new MockEnvironment());
		assertThat(clock.dateTime(AT)).isEqualTo("2026-12-06 16:15");
	}

	@Test
	void anOldPerAreaZoneKeyStopsTheStart() {
		MockEnvironment environment = new MockEnvironment().withProperty("holdfast.pool.zone", "Asia/Shanghai");
		assertThatIllegalStateException()
			.isThrownBy(() -> new HoldfastClock(new ClockProperties(SHANGHAI), environment))
			.withMessageContaining("holdfast.pool.zone")
			.withMessageContaining("holdfast.zone");
	}

	@Test
	void noTemplateFormatsTimesInTheJvmsZone() throws IOException {
		Pattern jvmZoned = Pattern.compile("#(temporals|dates|calendars)\\.");
		List<Path> offenders;
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			offenders = templates.filter(p -> p.toString().endsWith(".html")).filter(p -> {
				try {
					return jvmZoned.matcher(Files.readString(p)).find();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}
		assertThat(offenders).as("use #times (holdfast.zone), not #temporals, #dates or #calendars").isEmpty();
	}

}
