package dev.holdfast.organization;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.Labels;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.SqlRecordNames;

/**
 * Approval requests for the audit trail, named by what they ask and for whom ("更改员工 ·
 * 张三"), for those who may read the requests themselves (administrators).
 */
@Component
class ApprovalRecordNames extends SqlRecordNames {

	private final Labels labels;

	ApprovalRecordNames(JdbcClient jdbc, Labels labels) {
		super(jdbc, "approval_request", Source.of("e.display_name, a.action",
				"approval_request a left join employee e on e.id = a.employee_id", "a"));
		this.labels = labels;
	}

	@Override
	protected Visible visible() {
		return Visible.when(Permission.ROLE_MANAGE.isHeld());
	}

	@Override
	protected String name(ResultSet row) throws SQLException {
		String action = this.labels.code("approvals.action", row.getString(3));
		return row.getString(2) == null ? action : action + " · " + row.getString(2);
	}

}
