package dev.holdfast.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.PageRequest;

/**
 * The notifications page, and the bell in the navigation bar (loaded by htmx, so that the
 * layout needs no model of its own).
 */
@Controller
class NotificationController {

	private static final int PAGE_SIZE = 20;

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	@AnyEmployee
	String page(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("notifications",
				this.notifications.mine(false, new PageRequest(Math.max(page, 0), PAGE_SIZE)));
		return "notifications/list";
	}

	/** The count of unread notifications, on every page, also the agreement page. */
	@FreeOfCustomerData
	@GetMapping("/notifications/bell")
	@AnyEmployee
	String bell(Model model) {
		model.addAttribute("unread", this.notifications.unreadCount());
		return "notifications/list :: bell";
	}

	/** Marks it read and goes where it leads (only within the application). */
	@PostMapping("/notifications/{id}/read")
	@AnyEmployee
	String read(@PathVariable long id) {
		String link = this.notifications.markRead(id).link();
		return "redirect:" + (link != null && link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
	}

}
