package dev.holdfast.protection.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.shared.InvalidInputException;

/**
 * A validated {@link ExportForm}.
 */
record ExportRequest(String entity, String format, CustomerQuery query, boolean unmasked, boolean machine) {

	private static final Set<String> ENTITIES = Set.of("customers", "contacts", "follow-ups");

	static ExportRequest of(ExportForm form) {
		if (form == null || form.entity() == null || !ENTITIES.contains(form.entity())) {
			throw new InvalidInputException("entity", "must be customers, contacts or follow-ups");
		}
		String format = form.format() == null ? "CSV" : form.format().toUpperCase(Locale.ROOT);
		if (!format.equals("CSV") && !format.equals("XLSX")) {
			throw new InvalidInputException("format", "must be CSV or XLSX");
		}
		String variant = form.variant() == null || form.variant().isBlank() ? "readable"
				: form.variant().toLowerCase(Locale.ROOT);
		if (!variant.equals("readable") && !variant.equals("machine")) {
			throw new InvalidInputException("variant", "must be readable or machine");
		}
		Map<String, Object> filter = form.filter() == null ? Map.of() : form.filter();
		for (String key : filter.keySet()) {
			if (!Set.of("q", "level", "ownerId", "archived").contains(key)) {
				throw new InvalidInputException("filter." + key, "unknown filter; use q, level, ownerId or archived");
			}
		}
		return new ExportRequest(form.entity(), format,
				new CustomerQuery(text(filter.get("q")), level(filter.get("level")), owner(filter.get("ownerId")),
						Boolean.TRUE.equals(filter.get("archived"))),
				Boolean.TRUE.equals(form.unmasked()), variant.equals("machine"));
	}

	private static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString();
	}

	private static CustomerLevel level(Object value) {
		if (text(value) == null) {
			return null;
		}
		try {
			return CustomerLevel.valueOf(value.toString());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("filter.level", "must be A, B, C or D");
		}
	}

	private static Long owner(Object value) {
		if (text(value) == null) {
			return null;
		}
		try {
			return Long.valueOf(value.toString());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("filter.ownerId", "must be an employee id");
		}
	}

	/**
	 * Why this export must wait for approval; none when it may be released at once. A
	 * requester serving notice reaches this only if the notice-period policy lets them
	 * request exports at all. Phone numbers or e-mail addresses in free text are contact
	 * data like the contact columns: an unmasked export of them says so to the approver
	 * (a masked one masks them).
	 */
	List<String> approvalReasons(int rows, int threshold, boolean requesterLeaving, boolean contactsInText) {
		List<String> reasons = new ArrayList<>();
		if (rows > threshold) {
			reasons.add(ExportReason.ROWS_OVER_THRESHOLD.name());
		}
		if (this.unmasked) {
			reasons.add(ExportReason.UNMASKED_FIELDS.name());
		}
		if (this.unmasked && contactsInText) {
			reasons.add(ExportReason.CONTACT_DATA_IN_TEXT.name());
		}
		if (requesterLeaving) {
			reasons.add(ExportReason.REQUESTER_LEAVING.name());
		}
		return reasons;
	}

	/** The filter as stored with the export, for whoever approves it. */
	String filterJson() {
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("q", this.query.q());
		filter.put("level", this.query.level() == null ? null : this.query.level().name());
		filter.put("ownerId", this.query.ownerId());
		filter.put("archived", this.query.archived());
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(filter);
	}

}
