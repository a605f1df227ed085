package dev.holdfast.risk;

/**
 * The two budgets for reading customer data: records (one customer's data, once per
 * request) and rows of lists. Each is one token bucket per employee, shared by the pages
 * and the API.
 */
enum ReadBudget {

	RECORDS("record"), ROWS("row");

	private final String bucket;

	ReadBudget(String bucket) {
		this.bucket = bucket;
	}

	/** The bucket's kind in {@code risk_rate_bucket}. */
	String bucket() {
		return this.bucket;
	}

	double capacity(RiskProperties.RateLimits limits) {
		return this == RECORDS ? limits.recordCapacity() : limits.rowCapacity();
	}

	double perSecond(RiskProperties.RateLimits limits) {
		return this == RECORDS ? limits.recordPerSecond() : limits.rowPerSecond();
	}

}
