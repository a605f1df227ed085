package dev.holdfast.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A text of a notification as a message key and its arguments ({@code values}), so that
 * each reader sees it in their own language. Arguments are ids, counts, dates and
 * people's names, never contact data; a record the notice is about is a {@link Named}
 * argument, named when the text is read, for the reader, by the module that owns the
 * record.
 */
public record NotificationText(String key, List<Object> values) {

	public NotificationText {
		List<Object> kept = new ArrayList<>(values == null ? List.of() : values);
		kept.replaceAll(value -> value instanceof Named ? value : String.valueOf(value));
		values = Collections.unmodifiableList(kept);
	}

	/** The arguments as text, a named record as its number. */
	public List<String> args() {
		return this.values.stream()
			.map(v -> v instanceof Named named ? String.valueOf(named.id()) : (String) v)
			.toList();
	}

	public static NotificationText of(String key, Object... args) {
		return new NotificationText(key, Arrays.asList(args));
	}

	/**
	 * A record the notice is about: each reader reads its name if they may see it now
	 * ({@code shared.RecordNames} of its type), else its kind and number ("客户 #122").
	 */
	public static Named record(String type, long id) {
		return new Named(type, id);
	}

	/**
	 * A record named at reading time.
	 *
	 * @param type the kind of record, as {@code shared.RecordNames} names it
	 * ({@code customer})
	 */
	public record Named(String type, long id) {
	}

}
