package dev.holdfast.notification;

import java.time.Instant;

/**
 * A notification as its recipient reads it, in their language.
 *
 * @param link where in the application it leads, relative to its root
 */
public record NotificationView(long id, String kind, String title, String body, String link, Instant createdAt,
		Instant readAt) {

	public boolean unread() {
		return this.readAt == null;
	}

}
