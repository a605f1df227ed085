package dev.holdfast.audit;

import java.time.Instant;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

@RestController
@RequestMapping("/api/v1/audit-events")
class AuditApi {

	private final AuditLog log;

	AuditApi(AuditLog log) {
		this.log = log;
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
	ChainVerification verify() {
		return this.log.verify();
	}

}
