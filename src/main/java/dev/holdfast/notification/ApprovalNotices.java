package dev.holdfast.notification;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.ApprovalDecided;
import dev.holdfast.organization.ApprovalRequested;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.Permission;

/**
 * Tells every other active administrator that a request waits for their approval, and the
 * requester how it was decided. Events arrive at least once: a notice already sent is not
 * sent again.
 */
@Component
class ApprovalNotices {

	static final String REQUESTED = "APPROVAL_REQUESTED";

	static final String DECIDED = "APPROVAL_DECIDED";

	private final Notifications notifications;

	private final OrganizationManagement organization;

	private final JdbcClient jdbc;

	ApprovalNotices(Notifications notifications, OrganizationManagement organization, JdbcClient jdbc) {
		this.notifications = notifications;
		this.organization = organization;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ApprovalRequested requested) {
		String link = link(requested.requestId());
		String requester = this.organization.displayName(requested.requestedBy());
		String employee = requested.employeeId() == null ? "" : this.organization.displayName(requested.employeeId());
		List<Long> approvers = this.organization.activeHolders(Permission.ROLE_MANAGE, null);
		for (long approver : approvers) {
			if (approver != requested.requestedBy() && !sent(approver, REQUESTED, link)) {
				this.notifications.send(approver, REQUESTED,
						NotificationText.of("approvals.notice.title", requester, requested.requestId()),
						NotificationText.of("approvals.notice." + requested.action(), employee), link);
			}
		}
	}

	@ApplicationModuleListener
	void on(ApprovalDecided decided) {
		String link = decided.requesterLink() != null && decided.requesterLink().startsWith("/")
				? decided.requesterLink() : link(decided.requestId());
		if (!sent(decided.requestedBy(), DECIDED, link)) {
			this.notifications.send(decided.requestedBy(), DECIDED,
					NotificationText.of("approvals.decided." + (decided.approved() ? "APPROVED" : "REJECTED"),
							this.organization.displayName(decided.decidedBy()), decided.requestId()),
					null, link);
		}
	}

	private boolean sent(long employeeId, String kind, String link) {
		return this.jdbc.sql("select count(*) from notification where employee_id = ? and kind = ? and link = ?")
			.params(employeeId, kind, link)
			.query(Long.class)
			.single() > 0;
	}

	private static String link(long requestId) {
		return "/admin/approvals/" + requestId;
	}

}
