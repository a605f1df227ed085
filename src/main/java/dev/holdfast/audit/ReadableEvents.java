package dev.holdfast.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

	/** The keys of the base bundle: the labelled actions and kinds are the pick-lists. */
	private static final Set<String> KNOWN_CODES = known();

	private static final String ACCESS_DENIED = AuditAction.ACCESS_DENIED.name();

	private static final String READ = AuditAction.CUSTOMER_DATA_READ.name();

	private static final String MISSING_PERMISSION = "missing permission ";

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
				DetailReadings.Reading reading = DetailReadings.of(e.action(), key);
				if (reading != null && reading.way() != DetailReadings.Way.CODES) {
					numbers(value).forEach(id -> want(wanted, reading.of(), id));
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
					record(e.targetType(), e.targetId(), found), client(e.clientIp()),
					details(e.action(), details.get(i), found), e.hash()));
		}
		return readable;
	}

	/**
	 * The actions people may filter by (every {@link AuditAction}), in the order of their
	 * labels.
	 */
	Map<String, String> actions() {
		return labelled(Arrays.stream(AuditAction.values()).map(AuditAction::name).toList(), this.labels::action);
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

	/** Every record of a kind the reader may pick from; empty for a kind too large. */
	Map<Long, String> records(String type) {
		RecordNames kind = type == null ? null : this.names.get(type);
		return kind == null ? Map.of() : kind.pickList();
	}

	/** Records of a kind the reader may see whose name contains the text. */
	Map<Long, String> search(String type, String text) {
		RecordNames kind = type == null ? null : this.names.get(type);
		return kind == null ? Map.of() : kind.search(text);
	}

	/** The name of one record as the trail shows it, for the filter's chosen record. */
	String recordName(String type, String id) {
		Long number = number(id);
		Map<String, Map<Long, String>> found = new HashMap<>();
		if (number != null && type != null && this.names.containsKey(type)) {
			found.put(type, this.names.get(type).namesOf(Set.of(number)));
		}
		return record(type, id, found);
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

	/**
	 * "客户：上海某某有限公司" where the reader may see it, "客户 #122" where not, "用户名：zhangsan" for
	 * a record known by a text, and "加密密钥（编号 3）" for a kind that has no names.
	 */
	private String record(String type, String id, Map<String, Map<Long, String>> found) {
		if (type == null) {
			return null;
		}
		String kind = this.labels.code("audit.targetType", type);
		if (id == null) {
			return kind;
		}
		Long number = number(id);
		if (number == null) {
			return message("audit.targetNamed", kind, id);
		}
		if (!this.names.containsKey(type)) {
			return message("audit.targetIdentified", kind, id);
		}
		String name = found.getOrDefault(type, Map.of()).get(number);
		return name != null ? message("audit.targetNamed", kind, name) : message("audit.targetNumbered", kind, id);
	}

	/** A name alone where the kind goes without saying (a list of customers). */
	private String name(String type, Long id, Map<String, Map<Long, String>> found) {
		String name = found.getOrDefault(type, Map.of()).get(id);
		return name != null ? name : record(type, String.valueOf(id), found);
	}

	/** The address a request came from; this server's own as words. */
	private String client(String ip) {
		if (ip == null || ip.isBlank()) {
			return null;
		}
		boolean loopback = ip.equals("::1") || ip.equals("0:0:0:0:0:0:0:1") || ip.startsWith("127.");
		return loopback ? message("audit.clientLocal") : ip;
	}

	/** The facts in words; a fact with no value (null, empty) is left out. */
	private List<ReadableEvent.Detail> details(String action, Map<String, Object> facts,
			Map<String, Map<Long, String>> found) {
		List<ReadableEvent.Detail> details = new ArrayList<>(facts.size());
		String missingPermission = ACCESS_DENIED.equals(action) ? missingPermission(facts.get("message")) : null;
		facts.forEach((key, value) -> {
			if (ACCESS_DENIED.equals(action) && "message".equals(key)) {
				// a developer's sentence in English: its one fact for people is the
				// permission, read into the reason
				return;
			}
			if (READ.equals(action) && "0".equals(String.valueOf(value))) {
				return;
			}
			String text = missingPermission != null && "reason".equals(key)
					? message("audit.denied.missingPermission", this.labels.code("permission", missingPermission))
					: value(DetailReadings.of(action, key), key, value, found);
			if (text != null && !text.isBlank()) {
				details.add(new ReadableEvent.Detail(key, message(DetailReadings.label(action, key)), text));
			}
		});
		return details;
	}

	/** The permission a refusal names ("missing permission export.request"), or null. */
	private static String missingPermission(Object message) {
		String text = message == null ? "" : String.valueOf(message).strip();
		if (!text.startsWith(MISSING_PERMISSION)) {
			return null;
		}
		String code = text.substring(MISSING_PERMISSION.length()).strip();
		return code.isEmpty() || code.contains(" ") ? null : code;
	}

	private String value(DetailReadings.Reading reading, String key, Object value,
			Map<String, Map<Long, String>> found) {
		if (value instanceof Boolean b) {
			return message(b ? "audit.yes" : "audit.no");
		}
		String text = value == null ? "" : String.valueOf(value).strip();
		if (text.isEmpty() || text.equals("null") || text.equals("[]")) {
			return null;
		}
		if (reading == null) {
			return this.messages.getMessage("audit.value." + key + "." + text, null, text,
					LocaleContextHolder.getLocale());
		}
		return switch (reading.way()) {
			// the label says what the record is to the event: its name alone (a
			// department is not "部门 部门：华东销售部"), or "客户 #122" where unseen
			case RECORD -> {
				Long id = number(text);
				yield id == null ? record(reading.of(), text, found) : name(reading.of(), id, found);
			}
			case RECORDS -> this.labels.list(numbers(text).stream().map(id -> name(reading.of(), id, found)).toList());
			// what an export holds is written as its path segment (follow-ups)
			case CODES -> this.labels.codes(reading.of(),
					reading.of().equals("exports.layout") ? text.toUpperCase(Locale.ROOT).replace('-', '_') : text);
		};
	}

	/** The ids in a fact: one number, or a list written as [1, 2, 3]. */
	private static List<Long> numbers(Object value) {
		if (value == null) {
			return List.of();
		}
		String text = String.valueOf(value).replace("[", "").replace("]", "").replace("\"", "");
		List<Long> ids = new ArrayList<>();
		for (String part : text.split(",")) {
			Long id = number(part.strip());
			if (id != null) {
				ids.add(id);
			}
		}
		return ids;
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
