package dev.holdfast.protection;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.organization.DataScopes;
import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.Permission;
import dev.holdfast.protection.export.Exports;

/**
 * The exports waiting for the caller's approval, for their start page: those of employees
 * their data scope covers, never their own, none without {@code export.approve}.
 */
@Service
public class WaitingExports {

	private final JdbcClient jdbc;

	private final Exports exports;

	private final DataScopes scopes;

	WaitingExports(JdbcClient jdbc, Exports exports, DataScopes scopes) {
		this.jdbc = jdbc;
		this.exports = exports;
		this.scopes = scopes;
	}

	/** Oldest first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<ExportView> forMe(int limit) {
		if (!Permission.EXPORT_APPROVE.isHeld()) {
			return List.of();
		}
		long me = CurrentEmployee.id();
		OwnerScope scope = this.scopes.ownerScopeOf(me);
		return this.jdbc.sql("""
				select id, requester_id from export_request
				where status = 'PENDING_APPROVAL' and requester_id <> ? order by id limit 500""")
			.param(me)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list()
			.stream()
			.filter(r -> scope.covers(r[1]))
			.limit(limit)
			.map(r -> this.exports.find(r[0]))
			.toList();
	}

}
