package dev.holdfast.notification;

import java.util.Arrays;
import java.util.List;

/**
 * A text of a notification as a message key and its arguments, so that each reader sees
 * it in their own language. Arguments are ids, counts, dates and names, never contact
 * data.
 */
public record NotificationText(String key, List<String> args) {

	public NotificationText {
		args = args == null ? List.of() : List.copyOf(args);
	}

	public static NotificationText of(String key, Object... args) {
		return new NotificationText(key, Arrays.stream(args).map(String::valueOf).toList());
	}

}
