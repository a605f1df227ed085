package dev.holdfast.pool;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.holdfast.notification.NotificationText;
import dev.holdfast.notification.Notifications;

/**
 * Tells each owner what the night's run did to their customers: one notice for those
 * about to return (with the warning period, so they can follow up in time) and one for
 * those returned. Counts only: names stay on the pool page.
 */
@Component
class PoolNotices {

	private final Notifications notifications;

	PoolNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	void tell(List<PoolRules.Outcome> outcomes) {
		Map<Long, int[]> perOwner = new TreeMap<>();
		for (PoolRules.Outcome outcome : outcomes) {
			perOwner.computeIfAbsent(outcome.ownerId(), o -> new int[2])[outcome.returned() ? 1 : 0]++;
		}
		perOwner.forEach((owner, counts) -> {
			if (counts[0] > 0) {
				this.notifications.send(owner, "POOL_WARNING",
						NotificationText.of("pool.notice.warned.title", counts[0]),
						NotificationText.of("pool.notice.warned.body"), "/pool");
			}
			if (counts[1] > 0) {
				this.notifications.send(owner, "POOL_RETURNED",
						NotificationText.of("pool.notice.returned.title", counts[1]),
						NotificationText.of("pool.notice.returned.body"), "/pool");
			}
		});
	}

}
