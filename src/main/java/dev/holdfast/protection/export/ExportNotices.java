package dev.holdfast.protection.export;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.notification.NotificationText;
import dev.holdfast.notification.Notifications;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.protection.ExportApproved;
import dev.holdfast.protection.ExportRejected;
import dev.holdfast.protection.ExportRequested;

/**
 * Tells each employee who may approve a waiting export about it, and the requester how it
 * was decided. Ids, counts and names only: what the export holds is read on the exports
 * page, behind its access rules.
 */
@Component
class ExportNotices {

	static final String WAITING = "EXPORT_WAITING";

	static final String DECIDED = "EXPORT_DECIDED";

	private final Notifications notifications;

	private final ExportApprovers approvers;

	private final OrganizationManagement organization;

	ExportNotices(Notifications notifications, ExportApprovers approvers, OrganizationManagement organization) {
		this.notifications = notifications;
		this.approvers = approvers;
		this.organization = organization;
	}

	@ApplicationModuleListener
	void on(ExportRequested waiting) {
		if (!waiting.awaitsApproval()) {
			return;
		}
		String requester = this.organization.displayName(waiting.requesterId());
		for (long approver : this.approvers.of(waiting.requesterId())) {
			this.notifications.sendOnce(approver, WAITING,
					NotificationText.of("today.notice.exportWaiting.title",
							NotificationText.record("export", waiting.exportId()), requester),
					NotificationText.of("today.notice.exportWaiting.body", waiting.rows()), link(waiting.exportId()));
		}
	}

	@ApplicationModuleListener
	void on(ExportApproved approved) {
		decided(approved.exportId(), approved.requesterId(), approved.approvedBy(), "today.notice.exportApproved");
	}

	@ApplicationModuleListener
	void on(ExportRejected rejected) {
		decided(rejected.exportId(), rejected.requesterId(), rejected.rejectedBy(), "today.notice.exportRejected");
	}

	private void decided(long exportId, long requesterId, long decidedBy, String key) {
		this.notifications
			.sendOnce(requesterId, DECIDED,
					NotificationText.of(key + ".title", NotificationText.record("export", exportId),
							this.organization.displayName(decidedBy)),
					NotificationText.of(key + ".body"), link(exportId));
	}

	private static String link(long exportId) {
		return "/exports#export-" + exportId;
	}

}
