package dev.holdfast.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

/**
 * A sales region with a team for dashboard tests, with known figures: rep {@code alice}
 * owns an overdue A customer covered by a care visit, an A customer a manager followed up
 * (covered), an overdue B customer nobody else contacted (assigned to her from the pool
 * 16 days ago), and a C customer; both reps and the manager recorded follow-ups, one of
 * them a week ago; three pool moves happened. Another region's manager and rep see none
 * of it.
 */
public final class DashboardWorld {

	public final TestData data;

	public final long region;

	public final long team;

	public final long elsewhere;

	public final Employee manager;

	public final Employee alice;

	public final Employee bob;

	public final Employee otherManager;

	public final Employee outsider;

	public final Instant now = Instant.now();

	public DashboardWorld(Api api, JdbcClient jdbc) {
		this.data = new TestData(api);
		this.region = this.data.department("华中区", null);
		this.team = this.data.department("武汉销售一组", this.region);
		this.elsewhere = this.data.department("东北区", null);
		this.manager = this.data.employee("mgr", this.region, null, "SALES_MANAGER");
		this.alice = this.data.employee("rep", this.team, this.manager.id(), "SALES");
		this.bob = this.data.employee("rep", this.team, this.manager.id(), "SALES");
		this.otherManager = this.data.employee("mgr", this.elsewhere, null, "SALES_MANAGER");
		this.outsider = this.data.employee("rep", this.elsewhere, this.otherManager.id(), "SALES");
		String aliceToken = this.data.token(this.alice);
		long overdueA = customer(api, aliceToken, "A");
		long coveredA = customer(api, aliceToken, "A");
		long overdueB = customer(api, aliceToken, "B");
		long onTimeC = customer(api, aliceToken, "C");
		long bobs = customer(api, this.data.token(this.bob), "B");
		long lastWeek = followUp(api, aliceToken, overdueA, "第一次电话沟通，了解了明年的采购预算和决策流程");
		followUp(api, aliceToken, overdueB, "上门拜访，介绍了新产品线，客户对价格有顾虑");
		followUp(api, aliceToken, onTimeC, "电话回访，确认了样品已经收到并开始测试");
		followUp(api, this.data.token(this.bob), bobs, "微信沟通报价细节，约好下周三上门");
		followUp(api, this.data.token(this.manager), coveredA, "经理陪同拜访，和对方总经理见面，关系更进一步");
		jdbc.sql("update follow_up set created_at = :at where id = :id")
			.param("at", java.sql.Timestamp.from(this.now.minus(7, ChronoUnit.DAYS)))
			.param("id", lastWeek)
			.update();
		// the rhythm counts from the later of the last follow-up and the day the customer
		// came to its owner: both overdue customers came to alice long enough ago
		created(jdbc, overdueA, 30);
		last(jdbc, overdueA, 10);
		last(jdbc, coveredA, 2);
		created(jdbc, overdueB, 20);
		jdbc.sql("update customer set last_followed_up_at = null where id = :id").param("id", overdueB).update();
		last(jdbc, onTimeC, 10);
		last(jdbc, bobs, 1);
		jdbc.sql("""
				insert into care_visit (customer_id, reason, source, due_on, status, reached, outcome, satisfaction,
				                        completed_at)
				values (:customer, 'HANDOVER', :source, current_date, 'DONE', true, '客户满意', 5, :at)""")
			.param("customer", overdueA)
			.param("source", TestData.unique("dashboard-test-"))
			.param("at", java.sql.Timestamp.from(this.now.minus(5, ChronoUnit.DAYS)))
			.update();
		move(jdbc, onTimeC, this.alice.id(), null, "POOL_RETURN", 1);
		move(jdbc, onTimeC, null, this.bob.id(), "CLAIM", 0);
		move(jdbc, overdueB, null, this.alice.id(), "POOL_ASSIGN", 16);
	}

	private static long customer(Api api, String token, String level) {
		Api.Response response = api.post(token, "/api/v1/customers",
				Map.of("name", TestData.unique("武汉光谷科技") + "有限公司", "kind", "COMPANY", "level", level));
		if (response.status() != 201) {
			throw new AssertionError(response.toString());
		}
		return response.id();
	}

	private static long followUp(Api api, String token, long customer, String content) {
		Api.Response response = api.post(token, "/api/v1/customers/" + customer + "/follow-ups",
				Map.of("kind", "CALL", "content", content));
		if (response.status() != 201) {
			throw new AssertionError(response.toString());
		}
		return response.id();
	}

	private void last(JdbcClient jdbc, long customer, int daysAgo) {
		jdbc.sql("update customer set last_followed_up_at = :at where id = :id")
			.param("at", java.sql.Timestamp.from(this.now.minus(daysAgo, ChronoUnit.DAYS)))
			.param("id", customer)
			.update();
	}

	/** The customer was created, and so came to its owner, days ago. */
	private void created(JdbcClient jdbc, long customer, int daysAgo) {
		java.sql.Timestamp at = java.sql.Timestamp.from(this.now.minus(daysAgo, ChronoUnit.DAYS));
		jdbc.sql("update customer set created_at = :at where id = :id").param("at", at).param("id", customer).update();
		jdbc.sql("update customer_owner_history set changed_at = :at where customer_id = :id")
			.param("at", at)
			.param("id", customer)
			.update();
	}

	private void move(JdbcClient jdbc, long customer, Long from, Long to, String kind, int daysAgo) {
		jdbc.sql("""
				insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_at, reason, kind)
				values (:customer, :from, :to, :at, 'dashboard test', :kind)""")
			.param("customer", customer)
			.param("from", from)
			.param("to", to)
			.param("at", java.sql.Timestamp.from(this.now.minus(daysAgo, ChronoUnit.DAYS)))
			.param("kind", kind)
			.update();
	}

}
