package dev.holdfast.followup;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerDataNames;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.shared.CustomerReads;

/**
 * Attachments for the audit trail, by file name and customer, where the reader may see
 * the customer.
 */
@Component
class AttachmentRecordNames extends CustomerDataNames {

	AttachmentRecordNames(JdbcClient jdbc, VisibleCustomers visible, CustomerReads reads) {
		super(jdbc, "follow_up_attachment",
				Source.of("a.file_name, c.name", "follow_up_attachment a join customer c on c.id = a.customer_id", "a"),
				visible, reads);
	}

	@Override
	protected String name(ResultSet row) throws SQLException {
		return row.getString(2) + " · " + row.getString(3);
	}

}
