package dev.holdfast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time comes from the application's clock ({@code shared.HoldfastClock}, one bean):
 * deadlines, expiries, last working days, rate windows, reminders and daily budgets
 * follow it, so that a test (or an operator) can set the time. A call of
 * {@code Instant.now()}, {@code LocalDate.now()} and the like without a
 * {@code java.time.Clock} reads the machine's clock behind its back, and so does
 * {@code LocalDate.now(zone)}; only the files below may, each for its reason.
 */
class ClockUseTests {

	/** Files (under src/main/java/dev/holdfast) that may read the machine's clock. */
	static final Map<String, String> ALLOWED = Map.of( //
			"shared/HoldfastClock.java", "the clock itself", //
			"database/OrphanedServer.java", "a start-up timeout of the embedded database, machine time", //
			"audit/AuditTrail.java", "the audit event's own timestamp: a log timestamp", //
			"customer/Customer.java", "JPA entity stamping its own row (created, updated, archived)", //
			"customer/Contact.java", "JPA entity stamping its own row", //
			"followup/FollowUp.java", "JPA entity stamping its own row", //
			"organization/Employee.java", "JPA entity stamping its own row", //
			"organization/Role.java", "JPA entity stamping its own row", //
			"organization/Department.java", "JPA entity stamping its own row");

	private static final Path MAIN = MainSources.MAIN;

	private static final Pattern NOW = Pattern.compile(
			"\\b(?:Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|OffsetTime|Year|YearMonth|MonthDay)"
					+ "\\s*\\.\\s*now\\s*\\(([^()]*(?:\\([^()]*\\))?[^()]*)\\)");

	private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

	@Test
	void onlyTheAllowedFilesReadTheMachinesClock() throws IOException {
		List<String> found = new ArrayList<>();
		MainSources.java().forEach((name, text) -> {
			if (!ALLOWED.containsKey(name)) {
				bareCalls(text).forEach((call) -> found.add(name + ": " + call));
			}
		});
		assertThat(found).as("inject shared.HoldfastClock and use clock.now() / clock.today()").isEmpty();
	}

	@Test
	void everyAllowedFileStillExistsAndReadsTheClock() throws IOException {
		for (String name : ALLOWED.keySet()) {
			Path file = MAIN.resolve(name);
			assertThat(file).as(name + " is allowed: drop it from the list when it moves or stops").exists();
			if (!name.equals("shared/HoldfastClock.java")) {
				assertThat(bareCalls(Files.readString(file))).as(name + " no longer needs to be allowed").isNotEmpty();
			}
		}
	}

	@Test
	void theSearchFindsEveryFormOfABareCall() {
		assertThat(bareCalls("""
				Instant a = Instant.now();
				LocalDate b = LocalDate.now(this.clock.zone());
				var c = java.time.LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
				ZonedDateTime d = ZonedDateTime . now ();
				// Instant.now() in a comment is no call
				/* nor LocalDate.now() here */
				""")).hasSize(4);
		assertThat(bareCalls("""
				Instant a = this.clock.now();
				LocalDate b = LocalDate.now(this.clock.clock());
				LocalDate c = this.clock.today();
				""")).isEmpty();
	}

	/** The calls that read the machine's clock rather than a {@code java.time.Clock}. */
	static List<String> bareCalls(String source) {
		Matcher matcher = NOW.matcher(COMMENTS.matcher(source).replaceAll(""));
		List<String> calls = new ArrayList<>();
		while (matcher.find()) {
			String argument = matcher.group(1).strip();
			if (argument.isEmpty() || !argument.toLowerCase().contains("clock") || argument.endsWith(".zone()")) {
				calls.add(matcher.group().replaceAll("\\s+", " "));
			}
		}
		return calls;
	}

}
