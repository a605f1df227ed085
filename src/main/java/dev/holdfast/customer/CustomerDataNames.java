package dev.holdfast.customer;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.SqlRecordNames;

/**
 * Names that are customer data, for the modules whose records hang off a customer
 * (contacts, follow-ups, files, handover tasks): shown only where the reader may see the
 * customer (joined as {@code c} in the source), and metered as rows read, like any list
 * of customers.
 */
public abstract class CustomerDataNames extends SqlRecordNames {

	private final VisibleCustomers visible;

	private final CustomerReads reads;

	protected CustomerDataNames(JdbcClient jdbc, String type, Source source, VisibleCustomers visible,
			CustomerReads reads) {
		super(jdbc, type, source);
		this.visible = visible;
		this.reads = reads;
	}

	@Override
	protected Visible visible() {
		VisibleCustomers.Filter filter = this.visible.forCaller("c");
		return new Visible(filter.sql(), filter.params());
	}

	@Override
	protected Map<Long, String> seen(Map<Long, String> names) {
		if (!names.isEmpty()) {
			this.reads.rows(names.size());
		}
		return names;
	}

}
