package dev.holdfast.protection.export;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.ContactView;
import dev.holdfast.customer.CustomerExportRows;
import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.customer.CustomerSummary;
import dev.holdfast.customer.Masking;
import dev.holdfast.followup.FollowUpExportRows;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.SensitiveText;

/**
 * Turns what the requester may see into the rows of an export: contact data masked unless
 * the export is unmasked, and so are the phone numbers and e-mail addresses typed into
 * free text (a follow-up, a title, a name), which the one detector
 * ({@link SensitiveText}) finds however they are disguised.
 */
@Component
class ExportTables {

	/** An id no employee or customer has. */
	private static final long NOBODY = -1;

	private final CustomerExportRows customers;

	private final FollowUpExportRows followUps;

	private final HoldfastClock clock;

	ExportTables(CustomerExportRows customers, FollowUpExportRows followUps, HoldfastClock clock) {
		this.clock = clock;
		this.customers = customers;
		this.followUps = followUps;
	}

	/**
	 * The rows, read in a read-only transaction of their own: the export's transaction
	 * would otherwise keep a snapshot of every contact entity read and compare each one
	 * at commit, though an export never changes one.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	ExportTable build(long requesterId, ExportLayout layout, CustomerQuery query, boolean unmasked, int max,
			ExportPhases phases) {
		List<CustomerSummary> visible = this.customers.visibleTo(requesterId, query, max);
		phases.mark("customers");
		Map<Long, CustomerSummary> byId = new HashMap<>();
		visible.forEach(c -> byId.put(c.id(), c));
		List<Map<ExportColumn, String>> records = new ArrayList<>();
		if (layout == ExportLayout.FOLLOW_UPS) {
			for (FollowUpExportRows.Row f : this.followUps.of(byId.keySet(), max)) {
				Map<ExportColumn, String> values = new EnumMap<>(ExportColumn.class);
				values.put(ExportColumn.CUSTOMER, byId.get(f.customerId()).name());
				values.put(ExportColumn.FOLLOW_UP_KIND, f.kind());
				values.put(ExportColumn.CONTENT, f.content());
				values.put(ExportColumn.AUTHOR, f.authorName());
				values.put(ExportColumn.TIME, this.clock.dateTime(f.createdAt()));
				records.add(values);
			}
		}
		else {
			Map<Long, List<ContactView>> contacts = this.customers.contactsOf(byId.keySet());
			for (CustomerSummary c : visible) {
				List<ContactView> theirs = contacts.getOrDefault(c.id(), List.of());
				if (layout == ExportLayout.CUSTOMERS) {
					records.add(customer(c, theirs.isEmpty() ? null : theirs.get(0)));
				}
				else {
					theirs.stream().limit(Math.max(0, max - records.size())).forEach(ct -> records.add(contact(c, ct)));
				}
			}
		}
		phases.mark(layout == ExportLayout.FOLLOW_UPS ? "follow-ups" : "contacts");
		ExportTable table = rows(layout, records, unmasked);
		phases.mark("masking");
		return table;
	}

	/**
	 * Runs each read of an export once for no one: an employee and customers no row has
	 * (the warm-up: the first run of each query is far slower than the next).
	 */
	void rehearseReads() {
		this.customers.visibleTo(NOBODY, CustomerQuery.all(), 1);
		this.customers.contactsOf(List.of(NOBODY));
		this.followUps.of(List.of(NOBODY), 1);
	}

	private Map<ExportColumn, String> customer(CustomerSummary c, ContactView first) {
		Map<ExportColumn, String> values = new EnumMap<>(ExportColumn.class);
		values.put(ExportColumn.CUSTOMER, c.name());
		values.put(ExportColumn.KIND, c.kind().name());
		values.put(ExportColumn.LEVEL, c.level().name());
		values.put(ExportColumn.STATUS, c.status().name());
		values.put(ExportColumn.INDUSTRY, c.industry());
		values.put(ExportColumn.REGION, c.region());
		values.put(ExportColumn.OWNER, c.ownerName());
		if (first != null) {
			values.put(ExportColumn.CONTACT, first.name());
			values.put(ExportColumn.PHONE, first.phone());
			values.put(ExportColumn.EMAIL, first.email());
		}
		values.put(ExportColumn.UPDATED, this.clock.dateTime(c.updatedAt()));
		return values;
	}

	private static Map<ExportColumn, String> contact(CustomerSummary c, ContactView ct) {
		Map<ExportColumn, String> values = new EnumMap<>(ExportColumn.class);
		values.put(ExportColumn.CUSTOMER, c.name());
		values.put(ExportColumn.CONTACT, ct.name());
		values.put(ExportColumn.TITLE, ct.title());
		values.put(ExportColumn.PHONE, ct.phone());
		values.put(ExportColumn.EMAIL, ct.email());
		values.put(ExportColumn.WECHAT, ct.wechat());
		values.put(ExportColumn.ADDRESS, ct.address());
		return values;
	}

	/**
	 * The records as rows, masked unless unmasked; noting whether any free text held a
	 * phone number or e-mail address.
	 */
	static ExportTable rows(ExportLayout layout, List<Map<ExportColumn, String>> records, boolean unmasked) {
		boolean contactsInText = false;
		List<List<String>> rows = new ArrayList<>(records.size());
		for (Map<ExportColumn, String> values : records) {
			for (ExportColumn column : layout.columns()) {
				String value = values.get(column);
				String shown = unmasked ? value : masked(column, value);
				if (column.freeText() && value != null
						&& (unmasked ? SensitiveText.contains(value) : !value.equals(shown))) {
					contactsInText = true;
				}
				values.put(column, shown);
			}
			rows.add(layout.row(values));
		}
		return layout.table(rows, contactsInText);
	}

	/**
	 * A value as a masked export shows it: contact fields masked exactly as every other
	 * view masks them ({@link Masking}), free text with its phone numbers and e-mail
	 * addresses masked the same way.
	 */
	static String masked(ExportColumn column, String value) {
		if (value == null || value.isBlank()) {
			return value;
		}
		return switch (column) {
			case PHONE -> Masking.phone(value);
			case EMAIL -> Masking.email(value);
			case WECHAT -> Masking.wechat(value);
			case ADDRESS -> Masking.address(value);
			default -> column.freeText() ? Masking.freeText(value) : value;
		};
	}

}
