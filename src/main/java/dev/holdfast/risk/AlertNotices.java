package dev.holdfast.risk;

import org.springframework.stereotype.Component;

import dev.holdfast.notification.NotificationText;
import dev.holdfast.notification.Notifications;

/**
 * Tells each new recipient of an alert about it, in the application and by e-mail when
 * mail is configured. The notice names the alert and its severity; what it is about is
 * read on the risk page, behind its access rules. The severity is in the key (one text
 * per severity), so that each reader reads it in their language.
 */
@Component
class AlertNotices {

	private final Notifications notifications;

	AlertNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	void tell(long recipient, long alertId, String severity) {
		this.notifications.send(recipient, "RISK_ALERT", NotificationText.of("rhythm.riskAlert.title", alertId),
				NotificationText.of("rhythm.riskAlert.body." + severity), "/risk");
	}

}
