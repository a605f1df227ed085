package dev.holdfast.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.Labels;
import dev.holdfast.shared.RecordNames;

/**
 * Turns audit events into {@link ReadableEvent}s: names come from the modules that own
 * the records ({@link RecordNames}), each applying its own visibility rule, never from a
 * query of this module's own; what the reader may not see stays "客户 #122".
 */
@Component
class ReadableEvents {

	/** Details that hold the id of a record of a kind, named like targets. */
	private static final Map<String, String> REFERENCES = Map.of("customerId", "customer", "employeeId", "employee",
			"ownerId", "employee", "managerId", "employee", "successorId", "employee", "previousOwnerId", "employee",
			"requesterId", "employee", "assigneeId", "employee", "requestedBy", "employee");

	/** Details whose values are codes, and the prefix of their labels. */
	private static final Map<String, String> CODES = Map.of("reasons", "exports.reason", "indicator", "risk.indicator",
			"severity", "risk.severity", "dataScope", "scope", "access", "team.access", "level", "enum.CustomerLevel",
			"action", "approvals.action");

	/** The keys of the base bundle: the labelled actions and kinds are the pick-lists. */
	private static final Set<String> KNOWN_CODES = known();

	private final Map<String, RecordNames> names = new HashMap<>();

	private final Labels labels;

	private final MessageSource messages;

	private final ObjectMapper json;

	ReadableEvents(List<RecordNames> names, Labels labels, MessageSource messages, ObjectMapper json) {
		names.forEach(n -> this.names.put(n.type(), n));
		this.labels = labels;
		this.messages = messages;
		this.json = json;
	}

	List<ReadableEvent> of(List<AuditEventView> events) {
		Map<String, Set<Long>> wanted = new HashMap<>();
		List<Map<String, Object>> details = new ArrayList<>(events.size());
		for (AuditEventView e : events) {
			want(wanted, "employee", e.actorId());
			want(wanted, e.targetType(), number(e.targetId()));
			Map<String, Object> facts = facts(e.details());
			facts.forEach((key, value) -> {
				if (REFERENCES.containsKey(key)) {
					want(wanted, REFERENCES.get(key), number(String.valueOf(value)));
				}
			});
			details.add(facts);
		}
		Map<String, Map<Long, String>> found = new HashMap<>();
		wanted.forEach((type, ids) -> found.put(type, this.names.get(type).namesOf(ids)));
		List<ReadableEvent> readable = new ArrayList<>(events.size());
		for (int i = 0; i < events.size(); i++) {
			AuditEventView e = events.get(i);
			readable.add(new ReadableEvent(e.id(), e.occurredAt(), e.actorId(), actor(e, found), e.action(),
					this.labels.action(e.action()), e.targetType(), e.targetId(),
					record(e.targetType(), e.targetId(), found), e.clientIp(), details(details.get(i), found),
					e.hash()));
		}
		return readable;
	}

	/**
	 * The actions people may filter by (every action with a label), in the order of their
	 * labels.
	 */
	Map<String, String> actions() {
		return labelled(codes(Labels.AUDIT_ACTION), this.labels::action);
	}

	/** The kinds of record people may filter by, in the order of their labels. */
	Map<String, String> targetTypes() {
		return labelled(codes("audit.targetType"), code -> this.labels.code("audit.targetType", code));
	}

	private static Map<String, String> labelled(Collection<String> codes, Function<String, String> label) {
		Map<String, String> labelled = new LinkedHashMap<>();
		codes.stream()
			.map(code -> Map.entry(code, label.apply(code)))
			.sorted(Map.Entry.comparingByValue())
			.forEach(entry -> labelled.put(entry.getKey(), entry.getValue()));
		return labelled;
	}

	/**
	 * The people the reader may pick as actors; empty when there are too many to list.
	 */
	Map<Long, String> actors() {
		RecordNames employees = this.names.get("employee");
		return employees == null ? Map.of() : employees.pickList();
	}

	private void want(Map<String, Set<Long>> wanted, String type, Long id) {
		if (type != null && id != null && this.names.containsKey(type)) {
			wanted.computeIfAbsent(type, t -> new HashSet<>()).add(id);
		}
	}

	private String actor(AuditEventView e, Map<String, Map<Long, String>> found) {
		if (e.actorId() == null) {
			return e.actorUsername() == null ? message("audit.system") : e.actorUsername();
		}
		String name = found.getOrDefault("employee", Map.of()).get(e.actorId());
		return name != null ? name : message("audit.actorUnknown", e.actorUsername());
	}

	/** "客户：上海某某有限公司" where the reader may see it, "客户 #122" where not. */
	private String record(String type, String id, Map<String, Map<Long, String>> found) {
		if (type == null) {
			return null;
		}
		String kind = this.labels.code("audit.targetType", type);
		if (id == null) {
			return kind;
		}
		Long number = number(id);
		String name = number == null ? null : found.getOrDefault(type, Map.of()).get(number);
		return name != null ? message("audit.targetNamed", kind, name) : message("audit.targetNumbered", kind, id);
	}

	private List<ReadableEvent.Detail> details(Map<String, Object> facts, Map<String, Map<Long, String>> found) {
		List<ReadableEvent.Detail> details = new ArrayList<>(facts.size());
		facts.forEach((key,
				value) -> details.add(new ReadableEvent.Detail(key,
						this.messages.getMessage("audit.detail." + key, null, key, LocaleContextHolder.getLocale()),
						value(key, value, found))));
		return details;
	}

	private String value(String key, Object value, Map<String, Map<Long, String>> found) {
		if (value == null) {
			return message("common.none");
		}
		if (value instanceof Boolean b) {
			return message(b ? "audit.yes" : "audit.no");
		}
		String text = String.valueOf(value);
		if (REFERENCES.containsKey(key)) {
			return record(REFERENCES.get(key), text, found);
		}
		if (CODES.containsKey(key)) {
			return this.labels.codes(CODES.get(key), text);
		}
		return text;
	}

	private Map<String, Object> facts(String details) {
		Map<String, Object> facts = new LinkedHashMap<>();
		if (details == null || details.isBlank()) {
			return facts;
		}
		try {
			JsonNode node = this.json.readTree(details);
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				JsonNode v = field.getValue();
				facts.put(field.getKey(), v.isNull() ? null
						: v.isBoolean() ? (Object) v.booleanValue() : v.isValueNode() ? v.asString() : v.toString());
			}
		}
		catch (RuntimeException ex) {
			facts.put("details", details);
		}
		return facts;
	}

	private static List<String> codes(String prefix) {
		return KNOWN_CODES.stream()
			.filter(k -> k.startsWith(prefix + "."))
			.map(k -> k.substring(prefix.length() + 1))
			.toList();
	}

	private static Set<String> known() {
		try {
			return PropertiesLoaderUtils.loadProperties(new ClassPathResource("messages.properties"))
				.stringPropertyNames();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Long number(String id) {
		if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Long.valueOf(id);
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
