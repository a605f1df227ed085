package dev.holdfast.customer.contact;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerDataNames;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.shared.CustomerReads;

/**
 * Contacts for the audit trail, named with their customer ("王伟 · 上海某某有限公司") only where
 * the reader may see that customer; never a phone number or an address.
 */
@Component
class ContactRecordNames extends CustomerDataNames {

	ContactRecordNames(JdbcClient jdbc, VisibleCustomers visible, CustomerReads reads) {
		super(jdbc, "contact",
				Source.of("ct.name, c.name", "contact ct join customer c on c.id = ct.customer_id", "ct"), visible,
				reads);
	}

	@Override
	protected String name(ResultSet row) throws SQLException {
		return row.getString(2) + " · " + row.getString(3);
	}

}
