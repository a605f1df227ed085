package dev.holdfast.protection.export;

import java.util.Map;

/**
 * A request to export: {@code entity} customers, contacts or follow-ups; {@code filter}
 * the customer list's filters ({@code q}, {@code level}, {@code ownerId},
 * {@code archived}); {@code format} CSV or XLSX; {@code unmasked} asks for contact data
 * in full, which always needs approval; {@code variant} {@code readable} (the default:
 * headers and values in the requester's language) or {@code machine} (codes and English
 * headers).
 */
record ExportForm(String entity, Map<String, Object> filter, String format, Boolean unmasked, String variant) {

	ExportForm(String entity, Map<String, Object> filter, String format, Boolean unmasked) {
		this(entity, filter, format, unmasked, null);
	}

}
