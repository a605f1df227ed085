package dev.holdfast.audit;

import java.util.Map;

/**
 * The record the trail is filtered by, as people choose it: a kind, then a record from
 * the kind's pick-list or found by name through the owning module's visibility rule. An
 * id still works (links, the API); a name that matches several records offers them, and
 * one that matches none filters by nothing but the kind.
 *
 * @param type the kind, or null
 * @param id the chosen record's id, or null
 * @param name the name typed, or null
 * @param label the chosen record as the trail shows it, or null
 * @param records the kind's pick-list, empty for kinds too large or not listed
 * @param matches records whose name matched, when more than one did
 * @param noMatch whether a name was typed and matched nothing the reader may see
 */
record TargetChoice(String type, String id, String name, String label, Map<Long, String> records,
		Map<Long, String> matches, boolean noMatch) {

	static TargetChoice of(ReadableEvents readable, String type, String id, String name) {
		Map<Long, String> records = readable.records(type);
		if (type == null || id != null || name == null) {
			String label = type == null || id == null ? null : readable.recordName(type, id);
			return new TargetChoice(type, id, name, label, records, Map.of(), false);
		}
		Map<Long, String> found = readable.search(type, name);
		if (found.size() == 1) {
			Long only = found.keySet().iterator().next();
			return new TargetChoice(type, String.valueOf(only), name, readable.recordName(type, String.valueOf(only)),
					records, Map.of(), false);
		}
		return new TargetChoice(type, null, name, null, records, found, found.isEmpty());
	}

	/**
	 * Whether a name was given that found no record, or several: no events to list yet.
	 */
	boolean unresolved() {
		return this.type != null && this.id == null && this.name != null;
	}

}
