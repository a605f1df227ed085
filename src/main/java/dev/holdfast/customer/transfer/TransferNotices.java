package dev.holdfast.customer.transfer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.notification.NotificationText;
import dev.holdfast.notification.Notifications;
import dev.holdfast.organization.OrganizationManagement;

/**
 * Tells the new owner that customers were transferred to them: one notice per transfer,
 * with who did it, naming the customer and leading to it (or counting them and leading to
 * the list when there are several). The name is looked up when the notice is read, so it
 * shows only while the reader may see the customer.
 */
@Component
class TransferNotices {

	static final String KIND = "CUSTOMERS_TRANSFERRED";

	private final Notifications notifications;

	private final OrganizationManagement organization;

	TransferNotices(Notifications notifications, OrganizationManagement organization) {
		this.notifications = notifications;
		this.organization = organization;
	}

	@ApplicationModuleListener
	void on(CustomersTransferred transferred) {
		if (transferred.newOwnerId() == transferred.transferredBy() || transferred.customerIds().isEmpty()) {
			return;
		}
		int count = transferred.customerIds().size();
		String by = this.organization.displayName(transferred.transferredBy());
		if (count == 1) {
			long customer = transferred.customerIds().get(0);
			this.notifications.send(transferred.newOwnerId(), KIND,
					NotificationText.of("today.notice.transferredOne.title",
							NotificationText.record("customer", customer), by),
					NotificationText.of("today.notice.transferred.body"), "/customers/" + customer);
			return;
		}
		this.notifications.send(transferred.newOwnerId(), KIND,
				NotificationText.of("today.notice.transferred.title", count, by),
				NotificationText.of("today.notice.transferred.body"), "/customers?ownerId=" + transferred.newOwnerId());
	}

}
