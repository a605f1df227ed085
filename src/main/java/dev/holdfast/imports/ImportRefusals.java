package dev.holdfast.imports;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.ActivityMeasure;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditActivity;
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

	/** The caller's refused uploads, and the summaries recorded of them. */
	private static final List<ActivityMeasure> RECENT = List.of(ActivityMeasure.of(AuditAction.IMPORT_REFUSED),
			ActivityMeasure.of(AuditAction.RATE_LIMITED).withFact("refusedUploads"));

	private final AuditTrail audit;

	private final AuditActivity activity;

	private final HoldfastClock clock;

	private final int perMinute;

	ImportRefusals(AuditTrail audit, AuditActivity activity, HoldfastClock clock,
			@Value("${holdfast.imports.refusals-per-minute:10}") int perMinute) {
		this.audit = audit;
		this.activity = activity;
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
		double[] recent = this.activity.since(RECENT, caller.employeeId(), this.clock.now().minus(WINDOW));
		if (recent[0] < this.perMinute) {
			return;
		}
		if (recent[1] == 0) {
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("kind", "import_refused");
			facts.put("refusedUploads", (long) recent[0]);
			this.audit.record(AuditAction.RATE_LIMITED, "import", null, facts);
		}
		throw new TooManyRequestsException(
				"too many uploads were refused within a minute; wait a moment before uploading again", WINDOW);
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
