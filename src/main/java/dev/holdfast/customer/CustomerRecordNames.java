package dev.holdfast.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.RecordNames;

/**
 * Customers' names for the audit trail, through the one visibility rule: a customer the
 * reader may not see stays a number. Names shown are rows of customer data, metered like
 * any list.
 */
@Component
class CustomerRecordNames implements RecordNames {

	private final JdbcClient jdbc;

	private final VisibleCustomers visible;

	private final CustomerReads reads;

	CustomerRecordNames(JdbcClient jdbc, VisibleCustomers visible, CustomerReads reads) {
		this.jdbc = jdbc;
		this.visible = visible;
		this.reads = reads;
	}

	@Override
	public String type() {
		return "customer";
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> namesOf(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		VisibleCustomers.Filter filter = this.visible.forCaller("c");
		Map<Long, String> names = new HashMap<>();
		this.jdbc.sql("select c.id, c.name from customer c where c.id in (:ids) and " + filter.sql())
			.param("ids", ids)
			.params(filter.params())
			.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		if (!names.isEmpty()) {
			this.reads.rows(names.size());
		}
		return names;
	}

}
