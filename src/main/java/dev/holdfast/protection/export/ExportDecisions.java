package dev.holdfast.protection.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.DataScopes;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.protection.ExportApproved;
import dev.holdfast.protection.ExportRejected;
import dev.holdfast.protection.ExportStatus;
import dev.holdfast.protection.ExportView;

/**
 * Who may see an export (its requester, and {@code export.approve} holders whose scope
 * covers the requester), and approving or rejecting one: never by the requester.
 */
@Service
class ExportDecisions {

	private final JdbcClient jdbc;

	private final Exports exports;

	private final DataScopes scopes;

	private final AuditTrail audit;

	private final ExportProperties.Export properties;

	private final ApplicationEventPublisher events;

	private final HoldfastClock clock;

	ExportDecisions(JdbcClient jdbc, Exports exports, DataScopes scopes, AuditTrail audit, ExportProperties properties,
			ApplicationEventPublisher events, HoldfastClock clock) {
		this.events = events;
		this.jdbc = jdbc;
		this.exports = exports;
		this.scopes = scopes;
		this.audit = audit;
		this.properties = properties.export();
		this.clock = clock;
	}

	/** 403 without any export permission; 404 for an export the caller may not see. */
	@Transactional(readOnly = true)
	ExportView visible(long id) {
		if (!Permission.EXPORT_REQUEST.isHeld() && !Permission.EXPORT_APPROVE.isHeld()) {
			throw new ForbiddenException("missing permission export.request");
		}
		ExportView export = this.exports.find(id);
		long me = CurrentEmployee.id();
		if (export.requesterId() != me
				&& !(Permission.EXPORT_APPROVE.isHeld() && this.scopes.ownerScopeOf(me).covers(export.requesterId()))) {
			throw new NotFoundException("export");
		}
		return export;
	}

	/** The caller's own exports and those waiting for their approval, newest first. */
	@Transactional(readOnly = true)
	List<ExportView> mine() {
		if (!Permission.EXPORT_REQUEST.isHeld() && !Permission.EXPORT_APPROVE.isHeld()) {
			throw new ForbiddenException("missing permission export.request", "error.noExportPermission");
		}
		long me = CurrentEmployee.id();
		var scope = this.scopes.ownerScopeOf(me);
		boolean approver = Permission.EXPORT_APPROVE.isHeld();
		return this.jdbc.sql("""
				select id, requester_id from export_request
				where requester_id = :me or status = 'PENDING_APPROVAL' order by id desc limit 500""")
			.param("me", me)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list()
			.stream()
			.filter(r -> r[1] == me || (approver && scope.covers(r[1])))
			.limit(100)
			.map(r -> this.exports.find(r[0]))
			.toList();
	}

	@Transactional
	ExportView approve(long id) {
		return decide(id, ExportStatus.READY);
	}

	@Transactional
	ExportView reject(long id) {
		return decide(id, ExportStatus.REJECTED);
	}

	private ExportView decide(long id, ExportStatus decision) {
		GuardedAction.APPROVE_EXPORT.require();
		ExportView export = visible(id);
		if (export.requesterId() == CurrentEmployee.id()) {
			throw new ForbiddenException("nobody approves their own export");
		}
		Instant now = this.clock.now();
		int changed = this.jdbc.sql("""
				update export_request set status = :status, decided_by = :me, decided_at = :now, expires_at = :expires,
				    file = case when :status = 'REJECTED' then null else file end
				where id = :id and status = 'PENDING_APPROVAL'""")
			.param("status", decision.name())
			.param("me", CurrentEmployee.id())
			.param("now", java.sql.Timestamp.from(now))
			.param("expires",
					decision == ExportStatus.READY ? java.sql.Timestamp.from(now.plus(this.properties.ttl())) : null)
			.param("id", id)
			.update();
		if (changed == 0) {
			throw new ConflictException("export_not_pending", "this export is decided already",
					Map.of("status", String.valueOf(export.status())));
		}
		this.audit.record(decision == ExportStatus.READY ? AuditAction.EXPORT_APPROVED : AuditAction.EXPORT_REJECTED,
				"export", id, Map.of("requesterId", export.requesterId(), "rows", export.rowCount()));
		this.events.publishEvent(
				decision == ExportStatus.READY ? new ExportApproved(id, export.requesterId(), CurrentEmployee.id())
						: new ExportRejected(id, export.requesterId(), CurrentEmployee.id()));
		return this.exports.find(id);
	}

}
