package dev.holdfast.customer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.notification.NotificationText;
import dev.holdfast.notification.Notifications;
import dev.holdfast.organization.OrganizationManagement;

/**
 * Tells the new owner that customers were transferred to them: one notice per transfer,
 * with the count and who did it, leading to the customer (or to their list when there are
 * several). Names of customers stay behind the customer pages.
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
		String link = count == 1 ? "/customers/" + transferred.customerIds().get(0)
				: "/customers?ownerId=" + transferred.newOwnerId();
		this.notifications.send(transferred.newOwnerId(), KIND,
				NotificationText.of("today.notice.transferred.title", count,
						this.organization.displayName(transferred.transferredBy())),
				NotificationText.of("today.notice.transferred.body"), link);
	}

}
