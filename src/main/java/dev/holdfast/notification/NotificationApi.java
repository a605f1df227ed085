package dev.holdfast.notification;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;

/**
 * The caller's own notifications, in their language.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApi {

	private final Notifications notifications;

	NotificationApi(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	@AnyEmployee
	PageResult<NotificationView> mine(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.notifications.mine(unread, PageRequest.of(page, size));
	}

	@PostMapping("/{id}/read")
	@AnyEmployee
	NotificationView read(@PathVariable long id) {
		return this.notifications.markRead(id);
	}

}
