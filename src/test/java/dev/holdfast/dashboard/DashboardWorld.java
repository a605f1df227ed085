package dev.holdfast.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;

/**
 * The dashboard's known figures, made with {@link TestData}: rep {@code alice} owns an
 * overdue A customer covered by a care visit, an A customer a manager followed up
 * (covered), an overdue B customer nobody else contacted (assigned to her from the pool
 * 16 days ago), and a C customer; both reps and the manager recorded follow-ups, one of
 * them a week ago; three pool moves happened. Another region's manager and rep see none
 * of it. (Kept as a class while the dashboard's browser test, which is not this item's,
 * builds it too.)
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
		this.data = TestData.given(api, jdbc);
		Company company = this.data.company("华中区", "武汉销售一组", "东北区");
		this.region = company.region;
		this.team = company.team;
		this.elsewhere = company.elsewhere;
		this.manager = company.manager;
		this.alice = company.owner;
		this.bob = company.colleague;
		this.otherManager = company.otherManager;
		this.outsider = company.outsider;
		long overdueA = customer(this.alice, "A");
		long coveredA = customer(this.alice, "A");
		long overdueB = customer(this.alice, "B");
		long onTimeC = customer(this.alice, "C");
		long bobs = customer(this.bob, "B");
		long lastWeek = this.data.followUp(this.alice, overdueA, "CALL", "第一次电话沟通，了解了明年的采购预算和决策流程");
		this.data.followUp(this.alice, overdueB, "CALL", "上门拜访，介绍了新产品线，客户对价格有顾虑");
		this.data.followUp(this.alice, onTimeC, "CALL", "电话回访，确认了样品已经收到并开始测试");
		this.data.followUp(this.bob, bobs, "CALL", "微信沟通报价细节，约好下周三上门");
		this.data.followUp(this.manager, coveredA, "CALL", "经理陪同拜访，和对方总经理见面，关系更进一步");
		this.data.followUpAt(lastWeek, daysAgo(7));
		// the rhythm counts from the later of the last follow-up and the day the customer
		// came to its owner: both overdue customers came to alice long enough ago
		this.data.assignedAt(overdueA, daysAgo(30));
		this.data.lastFollowedUpAt(overdueA, daysAgo(10));
		this.data.lastFollowedUpAt(coveredA, daysAgo(2));
		this.data.assignedAt(overdueB, daysAgo(20));
		this.data.lastFollowedUpAt(overdueB, null);
		this.data.lastFollowedUpAt(onTimeC, daysAgo(10));
		this.data.lastFollowedUpAt(bobs, daysAgo(1));
		// a care visit done five days ago: SQL, as no service records one in the past
		jdbc.sql("""
				insert into care_visit (customer_id, reason, source, due_on, status, reached, outcome, satisfaction,
				                        completed_at)
				values (:customer, 'HANDOVER', :source, current_date, 'DONE', true, '客户满意', 5, :at)""")
			.param("customer", overdueA)
			.param("source", TestData.unique("dashboard-test-"))
			.param("at", java.sql.Timestamp.from(daysAgo(5)))
			.update();
		this.data.ownerChange(onTimeC, this.alice.id(), null, "POOL_RETURN", daysAgo(1));
		this.data.ownerChange(onTimeC, null, this.bob.id(), "CLAIM", daysAgo(0));
		this.data.ownerChange(overdueB, null, this.alice.id(), "POOL_ASSIGN", daysAgo(16));
	}

	private long customer(Employee owner, String level) {
		return this.data.customer(owner,
				Map.of("name", TestData.unique("武汉光谷科技") + "有限公司", "kind", "COMPANY", "level", level));
	}

	private Instant daysAgo(int days) {
		return this.now.minus(days, ChronoUnit.DAYS);
	}

}
