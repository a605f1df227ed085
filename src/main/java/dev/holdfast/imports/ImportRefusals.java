package dev.holdfast.imports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.TooManyRequestsException;

/**
 * Records an upload refused before a preview exists ({@code IMPORT_REFUSED}): a file of
 * another format, too large, unreadable or without rows, a mapping refused, or an
 * importer who may not import (serving notice, no permission). The facts are the file's
 * name, the field and the refusal's reason, never a cell. In a transaction of its own:
 * the refused call rolls back, its record must not.
 * <p>
 * Throttled per employee ({@link #requireRoom}): a script uploading refused files (the
 * walk: 200 in 10 seconds) left one audit event each. After
 * {@code holdfast.imports.refusals-per-minute} (10) refusals within a minute, every
 * further upload of theirs is answered 429 with {@code Retry-After} (until the oldest of
 * those refusals is a minute old) and records nothing but one summary per minute, a
 * {@code RATE_LIMITED} event of kind {@code import_refused} with the refusals of that
 * minute counted ({@code refused}).
 */
@Component
class ImportRefusals {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final HoldfastClock clock;

	private final int perMinute;

	ImportRefusals(AuditTrail audit, JdbcClient jdbc, HoldfastClock clock,
			@Value("${holdfast.imports.refusals-per-minute:10}") int perMinute) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.perMinute = perMinute;
	}

	/**
	 * Refuses an upload (429, {@code Retry-After}) while the caller has had
	 * {@code refusals-per-minute} uploads refused within the last minute, recording the
	 * summary once per minute. Nothing for work without a caller.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = TooManyRequestsException.class)
	public void requireRoom() {
		EmployeePrincipal caller = CurrentEmployee.find().orElse(null);
		if (caller == null) {
			return;
		}
		Timestamp since = Timestamp.from(this.clock.now().minus(WINDOW));
		List<Instant> recent = this.jdbc.sql("""
				select occurred_at from audit_event
				where actor_id = ? and action = 'IMPORT_REFUSED' and occurred_at > ?
				order by occurred_at desc limit ?""")
			.params(caller.employeeId(), since, this.perMinute)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.list();
		if (recent.size() < this.perMinute) {
			return;
		}
		boolean summarised = this.jdbc.sql("""
				select exists (select 1 from audit_event
				  where actor_id = ? and action = 'RATE_LIMITED' and occurred_at > ?
				    and details::jsonb ->> 'kind' = 'import_refused')""")
			.params(caller.employeeId(), since)
			.query(Boolean.class)
			.single();
		if (!summarised) {
			long refused = this.jdbc.sql("""
					select count(*) from audit_event
					where actor_id = ? and action = 'IMPORT_REFUSED' and occurred_at > ?""")
				.params(caller.employeeId(), since)
				.query(Long.class)
				.single();
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("kind", "import_refused");
			facts.put("refused", refused);
			this.audit.record(AuditAction.RATE_LIMITED, "import", null, facts);
		}
		Duration wait = Duration.between(this.clock.now(), recent.get(recent.size() - 1).plus(WINDOW));
		throw new TooManyRequestsException(
				"too many uploads were refused within a minute; wait a moment before uploading again",
				wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(String fileName, RuntimeException refusal) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("fileName", fileName);
		if (refusal instanceof InvalidInputException invalid) {
			facts.put("fields", String.join(",", invalid.fields().keySet()));
			facts.put("reason",
					invalid.fields()
						.entrySet()
						.stream()
						.map(e -> e.getKey() + ": " + e.getValue())
						.collect(Collectors.joining("; ")));
		}
		else if (refusal instanceof ForbiddenException forbidden) {
			facts.put("reason", forbidden.code());
		}
		this.audit.record(AuditAction.IMPORT_REFUSED, "import", null, facts);
	}

}
