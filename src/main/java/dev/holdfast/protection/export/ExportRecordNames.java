package dev.holdfast.protection.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.DataScopes;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Labels;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.SqlRecordNames;

/**
 * Exports for the audit trail, by file (or what was exported), time and requester, to
 * those who may see the export itself: its requester, and approvers whose scope covers
 * the requester (as {@link ExportDecisions#visible}).
 */
@Component
class ExportRecordNames extends SqlRecordNames {

	private final DataScopes scopes;

	private final Labels labels;

	private final HoldfastClock clock;

	ExportRecordNames(JdbcClient jdbc, DataScopes scopes, OrganizationManagement organization, Labels labels,
			HoldfastClock clock) {
		super(jdbc, "export", Source.of("x.file_name, x.entity, x.created_at, x.requester_id", "export_request x", "x"),
				organization::displayNames);
		this.scopes = scopes;
		this.labels = labels;
		this.clock = clock;
	}

	@Override
	protected Visible visible() {
		if (!Permission.EXPORT_REQUEST.isHeld() && !Permission.EXPORT_APPROVE.isHeld()) {
			return Visible.NONE;
		}
		long me = CurrentEmployee.id();
		if (!Permission.EXPORT_APPROVE.isHeld()) {
			return new Visible("x.requester_id = :exportsOf", Map.of("exportsOf", me));
		}
		OwnerScope scope = this.scopes.ownerScopeOf(me);
		if (scope.all()) {
			return Visible.ALL;
		}
		return new Visible("(x.requester_id = :exportsOf or x.requester_id in (:exportsCovered))",
				Map.of("exportsOf", me, "exportsCovered", scope.ownerIds().isEmpty() ? Set.of(me) : scope.ownerIds()));
	}

	@Override
	protected String name(ResultSet row) throws SQLException {
		String file = row.getString(2);
		String what = file != null ? file
				: this.labels.code("exports.layout", row.getString(3).toUpperCase().replace('-', '_'));
		return what + " · " + this.clock.dateTime(row.getTimestamp(4).toInstant());
	}

}
