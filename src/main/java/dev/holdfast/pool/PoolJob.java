package dev.holdfast.pool;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditEntry;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.audit.AuditAction;

/**
 * The nightly pool job: once per company day across all instances (the job's lock and
 * {@link PoolJobRuns}), it returns neglected customers to their pools and warns owners,
 * all in one transaction with its audit events, so that a crash leaves the day to run
 * again.
 */
@Service
public class PoolJob {

	static final String NAME = "pool-rules";

	private final PoolJobRuns runs;

	private final PoolRules rules;

	private final AuditTrail audit;

	private final PoolProperties properties;

	private final HoldfastClock clock;

	private final PoolNotices notices;

	PoolJob(PoolJobRuns runs, PoolRules rules, AuditTrail audit, PoolProperties properties, PoolNotices notices,
			HoldfastClock clock) {
		this.clock = clock;
		this.notices = notices;
		this.runs = runs;
		this.rules = rules;
		this.audit = audit;
		this.properties = properties;
	}

	/**
	 * Applies the rules as of the instant, unless the company day of the instant has had
	 * its run already.
	 */
	@Transactional
	public PoolRun runAt(Instant now) {
		LocalDate day = LocalDate.ofInstant(now, this.clock.zone());
		Long run = this.runs.claim(NAME, day).orElse(null);
		if (run == null) {
			return PoolRun.skipped(day);
		}
		List<PoolRules.Outcome> outcomes = this.rules.apply(now);
		int returned = (int) outcomes.stream().filter(PoolRules.Outcome::returned).count();
		int warned = outcomes.size() - returned;
		this.runs.finish(run, returned, warned);
		auditEach(outcomes);
		this.notices.tell(outcomes);
		this.audit.record(AuditAction.POOL_RULES_APPLIED, "pool_job_run", run,
				Map.of("day", day.toString(), "returned", returned, "warned", warned));
		return new PoolRun(day, true, returned, warned);
	}

	/**
	 * One event per returned customer, in batches so that a big night stays in memory.
	 */
	private void auditEach(List<PoolRules.Outcome> outcomes) {
		List<AuditEntry> batch = new ArrayList<>();
		for (PoolRules.Outcome outcome : outcomes) {
			if (!outcome.returned()) {
				continue;
			}
			batch.add(new AuditEntry(AuditAction.CUSTOMER_RETURNED_TO_POOL, "customer", outcome.customerId(),
					Map.of("previousOwnerId", outcome.ownerId(), "poolId", outcome.poolId(), "level", outcome.level(),
							"reason", "rule")));
			if (batch.size() >= this.properties.auditBatch()) {
				this.audit.recordAll(batch);
				batch = new ArrayList<>();
			}
		}
		this.audit.recordAll(batch);
	}

}
