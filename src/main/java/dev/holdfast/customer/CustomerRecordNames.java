package dev.holdfast.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.CustomerReads;

/**
 * Customers' names for the audit trail, through the one visibility rule: a customer the
 * reader may not see stays a number. The trail's filter finds a customer by name the same
 * way.
 */
@Component
class CustomerRecordNames extends CustomerDataNames {

	CustomerRecordNames(JdbcClient jdbc, VisibleCustomers visible, CustomerReads reads) {
		super(jdbc, "customer", Source.of("c.name", "customer c", "c"), visible, reads);
	}

}
