package dev.holdfast.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

@RestController
@RequestMapping("/api/v1/audit-events")
class AuditApi {

	private final AuditLog log;

	private final AuditArchive archive;

	AuditApi(AuditLog log, AuditArchive archive) {
		this.log = log;
		this.archive = archive;
	}

	@GetMapping
	@RequiresPermission(Permission.AUDIT_READ)
	PageResult<AuditEventView> search(@RequestParam(required = false) Long actorId,
			@RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
			@RequestParam(required = false) String targetId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.log.search(new AuditQuery(actorId, action, targetType, targetId, from, to),
				PageRequest.of(page, size));
	}

	@GetMapping("/verify")
	@RequiresPermission(Permission.AUDIT_READ)
	ChainVerification verify(@RequestParam(required = false) String from) {
		if (from == null || from.isBlank()) {
			return this.log.verify();
		}
		return this.archive.verifyMonth(month(from.strip()));
	}

	/** {@code 2025-11}, or a day of that month ({@code 2025-11-01}). */
	private static YearMonth month(String from) {
		try {
			return from.length() > 7 ? YearMonth.from(LocalDate.parse(from)) : YearMonth.parse(from);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("from", "must be a month such as 2025-11");
		}
	}

}
