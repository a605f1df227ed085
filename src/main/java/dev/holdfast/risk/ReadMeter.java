package dev.holdfast.risk;

import java.util.OptionalDouble;

import org.springframework.stereotype.Component;

import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.TooManyRequestsException;

/**
 * The one meter of reads of customer data, called by the services that read it. Each read
 * takes tokens from the employee's bucket for its budget (a record: one customer's data,
 * once per request; rows: one per row of a list); pages and API share the buckets. When
 * too few are left the read is refused, 429 with {@code Retry-After}, and
 * {@link ReadAudit} records {@code RATE_LIMITED}. An employee serving notice gets
 * {@code leaving-factor} of each budget. Reads are tallied for the risk indicators even
 * when limits are off.
 */
@Component
class ReadMeter implements CustomerReads {

	private final RateBuckets buckets;

	private final RiskProperties.RateLimits limits;

	ReadMeter(RateBuckets buckets, RiskProperties properties) {
		this.buckets = buckets;
		this.limits = properties.rateLimits();
	}

	@Override
	public void customer(long customerId) {
		ReadTally tally = ReadTally.ofCurrentRequest();
		if (tally == null || !tally.firstReadOf(customerId)) {
			return;
		}
		try {
			take(tally, ReadBudget.RECORDS, 1);
		}
		catch (TooManyRequestsException ex) {
			tally.unread(customerId);
			throw ex;
		}
	}

	@Override
	public void rows(int rows) {
		ReadTally tally = ReadTally.ofCurrentRequest();
		if (tally != null && rows > 0) {
			take(tally, ReadBudget.ROWS, rows);
		}
	}

	private void take(ReadTally tally, ReadBudget budget, int amount) {
		if (this.limits.enabled()) {
			double share = tally.leaving(this.buckets::servesNotice) ? this.limits.leavingFactor() : 1;
			double capacity = share * budget.capacity(this.limits);
			// a list longer than the whole budget empties it rather than waiting forever
			OptionalDouble wait = this.buckets.take(tally.employeeId(), budget.bucket(), Math.min(amount, capacity),
					capacity, share * budget.perSecond(this.limits));
			if (wait.isPresent()) {
				long seconds = Math.max(1, (long) Math.ceil(wait.getAsDouble()));
				tally.refusedBy(budget);
				throw new TooManyRequestsException("reading customer data too fast: try again in " + seconds + " s",
						seconds);
			}
		}
		tally.counted(budget, amount);
	}

}
