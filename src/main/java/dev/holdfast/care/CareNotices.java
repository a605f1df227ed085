package dev.holdfast.care;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.notification.NotificationText;
import dev.holdfast.notification.Notifications;
import dev.holdfast.organization.OrganizationManagement;

/**
 * Tells a visitor about care visits given to them, and a customer's owner and their
 * manager about a complaint on the customer. Ids, counts, dates and severities; the
 * customer is named when the notice is read, for a reader who may see it then. The
 * complaint's words are read on the customer's page.
 */
@Component
class CareNotices {

	static final String VISITS = "CARE_VISITS_ASSIGNED";

	static final String COMPLAINT = "COMPLAINT_RECORDED";

	private final Notifications notifications;

	private final OrganizationManagement organization;

	private final JdbcClient jdbc;

	CareNotices(Notifications notifications, OrganizationManagement organization, JdbcClient jdbc) {
		this.notifications = notifications;
		this.organization = organization;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(CareVisitAssigned assigned) {
		String link = "/care-visits#visit-" + assigned.firstVisitId();
		Long customer = this.jdbc.sql("select customer_id from care_visit where id = ?")
			.param(assigned.firstVisitId())
			.query(Long.class)
			.optional()
			.orElse(null);
		NotificationText title = assigned.count() == 1 && customer != null
				? NotificationText.of("today.notice.careVisit.title", NotificationText.record("customer", customer),
						assigned.firstDue())
				: NotificationText.of("today.notice.careVisits.title", assigned.count(), assigned.firstDue());
		this.notifications.sendOnce(assigned.assigneeId(), VISITS, title,
				NotificationText.of("today.notice.careVisits.body"), link);
	}

	@ApplicationModuleListener
	void on(ComplaintOpened recorded) {
		Long owner = this.jdbc.sql("select owner_id from customer_directory where id = ?")
			.param(recorded.customerId())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (owner == null) {
			return;
		}
		Set<Long> told = new LinkedHashSet<>();
		told.add(owner);
		Long manager = this.organization.employee(owner).managerId();
		if (manager != null) {
			told.add(manager);
		}
		told.remove(recorded.recordedBy());
		for (long employee : told) {
			this.notifications.sendOnce(employee, COMPLAINT,
					NotificationText.of("today.notice.complaint.title", recorded.complaintId(),
							NotificationText.record("customer", recorded.customerId())),
					NotificationText.of("today.notice.complaint.body." + recorded.severity()),
					"/customers/" + recorded.customerId() + "#complaint-" + recorded.complaintId());
		}
	}

}
