package dev.holdfast.offboarding;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerDataNames;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.shared.CustomerReads;

/**
 * Handover tasks for the audit trail, named by the customer handed over, where the reader
 * may see that customer.
 */
@Component
class HandoverItemRecordNames extends CustomerDataNames {

	HandoverItemRecordNames(JdbcClient jdbc, VisibleCustomers visible, CustomerReads reads) {
		super(jdbc, "handover_item",
				Source.of("c.name", "handover_item h join customer c on c.id = h.customer_id", "h"), visible, reads);
	}

}
