package dev.holdfast.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.holdfast.notification.NotificationText.Named;
import dev.holdfast.shared.RecordNames;

/**
 * Notification texts as their reader reads them. A record a notice is about is named by
 * the module that owns it ({@link RecordNames}), through that module's visibility rule,
 * for the current employee at reading time: a customer handed on since reads as "客户 #122"
 * to whoever may no longer see it, never with its name of then or of now.
 */
@Component
class NotificationTexts {

	private final Map<String, RecordNames> names = new HashMap<>();

	private final MessageSource messages;

	private final ObjectMapper json;

	NotificationTexts(List<RecordNames> names, MessageSource messages, ObjectMapper json) {
		names.forEach(n -> this.names.put(n.type(), n));
		this.messages = messages;
		this.json = json;
	}

	String json(NotificationText text) {
		return this.json.writeValueAsString(text == null ? List.of() : text.values());
	}

	/** Stored arguments: strings, and records as {@code {"type": …, "id": …}}. */
	List<Object> args(String stored) {
		List<Object> args = new ArrayList<>();
		if (stored == null) {
			return args;
		}
		for (JsonNode arg : this.json.readTree(stored)) {
			if (arg.isObject() && arg.hasNonNull("type") && arg.hasNonNull("id")) {
				args.add(new Named(arg.get("type").asString(), arg.get("id").asLong()));
			}
			else {
				args.add(arg.isValueNode() ? arg.asString() : arg.toString());
			}
		}
		return args;
	}

	/**
	 * The names of the records these arguments name that the current employee may see.
	 */
	Map<Named, String> namesOf(Collection<List<Object>> argLists) {
		Map<String, Set<Long>> wanted = new HashMap<>();
		argLists.forEach(args -> args.forEach(arg -> {
			if (arg instanceof Named named && this.names.containsKey(named.type())) {
				wanted.computeIfAbsent(named.type(), t -> new HashSet<>()).add(named.id());
			}
		}));
		Map<Named, String> found = new HashMap<>();
		wanted.forEach((type,
				ids) -> this.names.get(type).namesOf(ids).forEach((id, name) -> found.put(new Named(type, id), name)));
		return found;
	}

	/** The text in the locale, with the records named as far as {@code names} tells. */
	String text(String key, List<Object> args, Map<Named, String> names, Locale locale) {
		if (key == null) {
			return null;
		}
		Object[] values = args.stream()
			.map(arg -> arg instanceof Named named ? names.getOrDefault(named, numbered(named, locale)) : arg)
			.toArray();
		return this.messages.getMessage(key, values, key, locale);
	}

	/** "客户 #122": the kind and number of a record the reader may not see. */
	private String numbered(Named named, Locale locale) {
		Object[] number = { String.valueOf(named.id()) };
		String text = this.messages.getMessage("notification.record." + named.type(), number, null, locale);
		return text != null ? text : this.messages.getMessage("notification.record", number, locale);
	}

}
