package dev.holdfast.followup;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerDataNames;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Labels;

/**
 * Follow-ups for the audit trail, as "上海某某有限公司 · 电话 · 2026-12-01", where the reader may
 * see the customer; never their text.
 */
@Component
class FollowUpRecordNames extends CustomerDataNames {

	private final Labels labels;

	private final HoldfastClock clock;

	FollowUpRecordNames(JdbcClient jdbc, VisibleCustomers visible, CustomerReads reads, Labels labels,
			HoldfastClock clock) {
		super(jdbc, "follow_up",
				Source.of("c.name, f.kind, f.created_at", "follow_up f join customer c on c.id = f.customer_id", "f"),
				visible, reads);
		this.labels = labels;
		this.clock = clock;
	}

	@Override
	protected String name(ResultSet row) throws SQLException {
		return row.getString(2) + " · " + this.labels.code("followup.kind", row.getString(3)) + " · "
				+ this.clock.date(row.getTimestamp(4).toInstant());
	}

}
