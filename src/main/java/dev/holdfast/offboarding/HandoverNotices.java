package dev.holdfast.offboarding;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.notification.NotificationText;
import dev.holdfast.notification.Notifications;

/**
 * Tells each receiver of a handover how many of the leaver's customers they now look
 * after: one notice per receiver and case (again only when the count grew), leading to
 * their handover tasks. The case is named (by who leaves) when the notice is read.
 */
@Component
class HandoverNotices {

	static final String KIND = "HANDOVER_RECEIVED";

	private final JdbcClient jdbc;

	private final Notifications notifications;

	HandoverNotices(JdbcClient jdbc, Notifications notifications) {
		this.jdbc = jdbc;
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(HandoverCompleted executed) {
		Map<Long, Long> received = this.jdbc.sql("""
				select handed_to, count(*) from handover_item
				where case_id = ? and outcome = 'REASSIGNED' and handed_to is not null group by handed_to""")
			.param(executed.caseId())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		received.forEach((receiver, count) -> this.notifications.sendOnce(receiver, KIND,
				NotificationText.of("today.notice.handover.title", count,
						NotificationText.record("offboarding_case", executed.caseId()), executed.caseId()),
				NotificationText.of("today.notice.handover.body"), "/handover-tasks"));
	}

}
