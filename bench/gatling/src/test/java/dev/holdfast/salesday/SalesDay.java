package dev.holdfast.salesday;

import java.time.Duration;

/**
 * The settings of one sales day, from system properties ({@code -Dsalesday.*}, passed on by bench/sales-day.sh).
 *
 * @param base where the clients go: nginx in front of the instances
 * @param duration how long the users work, ramp included (10 minutes)
 * @param ramp over how long they log in, one after the other
 */
record SalesDay(String base, Duration duration, Duration ramp, int reps, int managers, int service,
		int customersPerRep, String password, String adminUsername, String adminPassword, int seedThreads,
		boolean seed, boolean seedOnly, String phase) {

	static SalesDay fromSystemProperties() {
		long seconds = Long.getLong("salesday.seconds", 600);
		return new SalesDay(System.getProperty("salesday.base", "http://127.0.0.1:8080"), Duration.ofSeconds(seconds),
				Duration.ofSeconds(Long.getLong("salesday.ramp-seconds", Math.max(10, seconds / 2))),
				Integer.getInteger("salesday.reps", 500), Integer.getInteger("salesday.managers", 20),
				Integer.getInteger("salesday.service", 5), Integer.getInteger("salesday.customers", 10),
				System.getProperty("salesday.password", "holdfast-sales-day-2026"),
				System.getProperty("salesday.admin", "it.admin"),
				System.getProperty("salesday.admin-password", "demo-password-2026"),
				Integer.getInteger("salesday.seed-threads", 12), Boolean.parseBoolean(System.getProperty("salesday.seed", "true")),
				Boolean.getBoolean("salesday.seed-only"),
				System.getProperty("salesday.phase", "sales-day"));
	}

	static String rep(int n) {
		return String.format("sd.rep%03d", n);
	}

	static String manager(int n) {
		return String.format("sd.manager%02d", n);
	}

	static String service(int n) {
		return "sd.service" + n;
	}

	/** The city in the name of a rep's i-th customer: a rep's search for it finds a few of them. */
	static String city(int rep, int i) {
		return SalesDaySeed.CITIES[(rep + i) % SalesDaySeed.CITIES.length];
	}

}
