package dev.holdfast.pool;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomersBroughtInUnowned;

/**
 * Customers brought in without an owner enter the pool of the importer's department (or
 * the company's), as a customer returned by its owner enters the owner's: every customer
 * without an owner lives in exactly one pool. Synchronous, in the transaction that
 * records them, so that none is ever ownerless and poolless.
 */
@Component
class PoolEntries {

	private final JdbcClient jdbc;

	PoolEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(CustomersBroughtInUnowned brought) {
		this.jdbc.sql("""
				insert into pool_entry (customer_id, pool_id, reason)
				select id, pool_for_employee(:by), 'imported' from unnest(:ids::bigint[]) as id""")
			.param("by", brought.recordedBy())
			.param("ids", brought.customerIds().toArray(Long[]::new))
			.update();
	}

}
