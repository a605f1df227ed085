package dev.holdfast.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * What one employee can pull per hour through every channel combined, worked out from the
 * reading budgets, the reveal quota and the notice-period restrictions of the shipped
 * {@code application.yml} (not the tests' configuration, which lifts the budgets). The
 * first hour starts with full buckets: the burst plus an hour of refill; every later hour
 * gets the refill alone.
 *
 * @param recordCapacity burst of customer records (details and their parts)
 * @param recordPerSecond refill of records
 * @param rowCapacity burst of list rows
 * @param rowPerSecond refill of rows
 * @param leavingFactor share of each budget for someone serving notice
 * @param revealsPerDay the default daily reveal quota
 * @param leaverMayReveal whether a notice period leaves {@code contact.reveal} (the
 * policy allows it)
 */
record ReadingBudget(double recordCapacity, double recordPerSecond, double rowCapacity, double rowPerSecond,
		double leavingFactor, int revealsPerDay, boolean leaverMayReveal) {

	private static final String LIMITS = "holdfast.risk.rate-limits.";

	static ReadingBudget ofApplicationYml() {
		Binder yml = new Binder(ConfigurationPropertySources.from(shippedConfiguration()));
		Set<String> restricted = codes(yml, "holdfast.offboarding.notice-period.restricted");
		// a notice period takes every guarded action away unless the policy allows it
		Set<String> allowed = codes(yml, "holdfast.offboarding.notice-period.allowed");
		return new ReadingBudget(number(yml, LIMITS + "record-capacity"), number(yml, LIMITS + "record-per-second"),
				number(yml, LIMITS + "row-capacity"), number(yml, LIMITS + "row-per-second"),
				number(yml, LIMITS + "leaving-factor"),
				yml.bind("holdfast.protection.reveal.daily-quota", Integer.class).get(),
				allowed.contains("contact.reveal") && !restricted.contains("contact.reveal"));
	}

	private static Set<String> codes(Binder yml, String key) {
		return Set.copyOf(yml.bind(key, org.springframework.boot.context.properties.bind.Bindable.listOf(String.class))
			.orElse(List.of()));
	}

	private static List<PropertySource<?>> shippedConfiguration() {
		try {
			return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static double number(Binder yml, String name) {
		return yml.bind(name, Double.class).orElseThrow(() -> new IllegalStateException(name + " is not configured"));
	}

	/** The shipped budgets as properties, for a test that runs with them. */
	Map<String, Object> asProperties() {
		return Map.of(LIMITS + "record-capacity", this.recordCapacity, LIMITS + "record-per-second",
				this.recordPerSecond, LIMITS + "row-capacity", this.rowCapacity, LIMITS + "row-per-second",
				this.rowPerSecond, LIMITS + "leaving-factor", this.leavingFactor);
	}

	private double share(boolean leaving) {
		return leaving ? this.leavingFactor : 1;
	}

	long recordBurst(boolean leaving) {
		return (long) Math.floor(share(leaving) * this.recordCapacity);
	}

	long rowBurst(boolean leaving) {
		return (long) Math.floor(share(leaving) * this.rowCapacity);
	}

	/** Customer records (a customer's details or any of its parts) in the first hour. */
	long recordsFirstHour(boolean leaving) {
		return recordBurst(leaving) + recordsEveryHour(leaving);
	}

	long recordsEveryHour(boolean leaving) {
		return Math.round(share(leaving) * this.recordPerSecond * 3600);
	}

	long rowsFirstHour(boolean leaving) {
		return rowBurst(leaving) + rowsEveryHour(leaving);
	}

	long rowsEveryHour(boolean leaving) {
		return Math.round(share(leaving) * this.rowPerSecond * 3600);
	}

	/** Full phone numbers or addresses: the day's quota, at most, in any hour. */
	long fullValues(boolean leaving) {
		return leaving && !this.leaverMayReveal ? 0 : this.revealsPerDay;
	}

	/** The figure, one line per employee, as the bench prints it. */
	String report() {
		StringBuilder report = new StringBuilder();
		for (boolean leaving : new boolean[] { false, true }) {
			report.append(String.format(Locale.ROOT,
					"[bench] %-11s records (details + sub-resources): %,d in the first hour (%,d burst), %,d every hour "
							+ "after; list rows: %,d first hour, %,d after; full values by reveal: %,d a day%n",
					leaving ? "leaving rep" : "rep", recordsFirstHour(leaving), recordBurst(leaving),
					recordsEveryHour(leaving), rowsFirstHour(leaving), rowsEveryHour(leaving), fullValues(leaving)));
		}
		return report.toString();
	}

}
