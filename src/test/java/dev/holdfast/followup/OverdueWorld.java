package dev.holdfast.followup;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

/**
 * A sales team whose overdue customers are known at the instant {@link #now}: a manager,
 * rep {@link #her} with one customer of each case the rule decides, rep {@link #him} with
 * one overdue customer, and another region's rep whose overdue customer the manager must
 * not count. Nothing falls due within two days of {@link #now}, so a request made a few
 * minutes later answers as at {@link #now}; {@link #dueInTwoDays} is overdue three days
 * later.
 */
final class OverdueWorld {

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	final TestData data;

	final Employee manager;

	final Employee her;

	final Employee him;

	final Employee outsider;

	/** A, followed up 10 days ago. */
	final long lateA;

	/** A, never followed up, created 30 days ago. */
	final long neverFollowedUp;

	/** B, won, followed up 20 days ago: the sales status plays no part. */
	final long wonLate;

	/**
	 * B, followed up 5 days ago, with a promise to call two days ago: a missed promise.
	 */
	final long promiseMissed;

	/**
	 * C, followed up 40 days ago, but handed to her 3 days ago: a full interval for her.
	 */
	final long handedOver;

	/** A, followed up 10 days ago, archived. */
	final long archived;

	/** D, followed up 200 days ago: no rhythm. */
	final long levelD;

	/** A, followed up 5 days ago: due in two days. */
	final long dueInTwoDays;

	/** C, followed up 35 days ago: his overdue customer. */
	final long hisLateC;

	/** A, followed up 10 days ago, owned in another region. */
	final long outsidersLateA;

	private final Api api;

	private final JdbcClient jdbc;

	OverdueWorld(Api api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
		this.data = new TestData(api);
		long region = this.data.department("苏州销售部", null);
		long elsewhere = this.data.department("厦门销售部", null);
		this.manager = this.data.employee("mgr", region, null, "SALES_MANAGER");
		this.her = this.data.employee("rep", region, this.manager.id(), "SALES");
		this.him = this.data.employee("rep", region, this.manager.id(), "SALES");
		Employee otherManager = this.data.employee("mgr", elsewhere, null, "SALES_MANAGER");
		this.outsider = this.data.employee("rep", elsewhere, otherManager.id(), "SALES");
		this.lateA = customer(this.her, "A", 30, 10);
		this.neverFollowedUp = customer(this.her, "A", 30, null);
		this.wonLate = customer(this.her, "B", 60, 20);
		this.jdbc.sql("update customer set status = 'WON' where id = ?").param(this.wonLate).update();
		this.promiseMissed = customer(this.her, "B", 60, null);
		Map<String, Object> note = new HashMap<>();
		note.put("kind", "CALL");
		note.put("content", "电话沟通年度采购计划，约好前天回电确认数量");
		note.put("nextContactAt", this.now.minus(Duration.ofDays(2)).toString());
		check(api.post(this.data.token(this.her), "/api/v1/customers/" + this.promiseMissed + "/follow-ups", note));
		lastFollowedUp(this.promiseMissed, 5);
		this.handedOver = customer(this.her, "C", 90, 40);
		this.jdbc.sql("""
				insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_at, reason, kind)
				values (?, ?, ?, ?, '交接', 'TRANSFER')""")
			.params(this.handedOver, this.him.id(), this.her.id(), daysAgo(3))
			.update();
		this.archived = customer(this.her, "A", 30, 10);
		this.jdbc.sql("update customer set archived_at = now() where id = ?").param(this.archived).update();
		this.levelD = customer(this.her, "D", 300, 200);
		this.dueInTwoDays = customer(this.her, "A", 30, 5);
		this.hisLateC = customer(this.him, "C", 90, 35);
		customer(this.him, "C", 90, 20);
		this.outsidersLateA = customer(this.outsider, "A", 30, 10);
	}

	/** Her overdue customers at {@link #now}. */
	Set<Long> herOverdue() {
		return Set.of(this.lateA, this.neverFollowedUp, this.wonLate);
	}

	/**
	 * A customer of the owner created (and so assigned) {@code createdDaysAgo} days ago,
	 * last followed up {@code followedUpDaysAgo} days ago (null: never).
	 */
	private long customer(Employee owner, String level, int createdDaysAgo, Integer followedUpDaysAgo) {
		Api.Response created = this.api.post(this.data.token(owner), "/api/v1/customers",
				Map.of("name", TestData.unique("苏州工业园精密") + "有限公司", "kind", "COMPANY", "level", level));
		check(created);
		long id = created.id();
		this.jdbc.sql("update customer set created_at = ? where id = ?").params(daysAgo(createdDaysAgo), id).update();
		this.jdbc.sql("update customer_owner_history set changed_at = ? where customer_id = ?")
			.params(daysAgo(createdDaysAgo), id)
			.update();
		if (followedUpDaysAgo != null) {
			lastFollowedUp(id, followedUpDaysAgo);
		}
		return id;
	}

	private void lastFollowedUp(long customer, int days) {
		this.jdbc.sql("update customer set last_followed_up_at = ? where id = ?")
			.params(daysAgo(days), customer)
			.update();
	}

	private Timestamp daysAgo(int days) {
		return Timestamp.from(this.now.minus(Duration.ofDays(days)));
	}

	private static void check(Api.Response response) {
		if (response.status() != 201) {
			throw new AssertionError(response.toString());
		}
	}

}
