package dev.holdfast.bench;

/**
 * How large a generated data set is, read from system properties so that a quick run can
 * scale it down: {@code -Dbench.customers=200000 -Dbench.followups=600000
 * -Dbench.employees=500}.
 */
record LargeDataSetSize(int customers, int followUps, int employees) {

	static final int MIN_EMPLOYEES = 60;

	LargeDataSetSize {
		if (customers < 1000 || followUps < 0 || employees < MIN_EMPLOYEES) {
			throw new IllegalArgumentException("at least 1000 customers and " + MIN_EMPLOYEES + " employees");
		}
	}

	static LargeDataSetSize fromSystemProperties() {
		return new LargeDataSetSize(Integer.getInteger("bench.customers", 1_000_000),
				Integer.getInteger("bench.followups", 3_000_000), Integer.getInteger("bench.employees", 500));
	}

	/** Average follow-ups per customer. */
	double followUpsPerCustomer() {
		return (double) this.followUps / this.customers;
	}

	@Override
	public String toString() {
		return "%,d customers, %,d follow-ups, %,d employees".formatted(this.customers, this.followUps, this.employees);
	}

}
