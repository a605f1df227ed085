package dev.holdfast.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.followup.FollowUpKind;
import dev.holdfast.audit.AuditAction;

/**
 * Follow-ups of the demo customers, spread over the last six months, the latest of each
 * placed by {@link DemoRhythm}; {@code customer.last_followed_up_at} is that latest one.
 * They and the next contacts they promise lie in office hours ({@link DemoWorkingHours}).
 * <p>
 * {@code FollowUpManagement} stamps a follow-up with the current time, as it must for
 * real work, so the demo inserts its back-dated follow-ups directly, into the same
 * columns the service writes, and records the same audit event for each.
 */
@Component
class DemoFollowUps {

	static final Duration SPAN = Duration.ofDays(180);

	/** Office hours may move a follow-up back over a weekend: the span leaves room. */
	private static final Duration OFFICE_ROOM = Duration.ofDays(3);

	private static final List<String> TOPICS = List.of("报价", "样品", "合同条款", "付款进度", "售后问题", "新品介绍", "年度框架协议", "续约",
			"技术交流", "交付进度");

	private static final List<String> OUTCOMES = List.of("客户表示有兴趣", "客户需要内部评估", "对价格有异议", "已发送资料", "同意安排拜访",
			"决策人出差，改期再谈");

	private static final List<String> NEXT_STEPS = List.of("下周再跟进。", "月底前给出答复。", "安排技术人员上门。", "等待对方采购流程。", "准备修改报价。");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final DemoRhythm rhythm;

	DemoFollowUps(JdbcClient jdbc, AuditTrail audit, DemoRhythm rhythm) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.rhythm = rhythm;
	}

	/**
	 * Records two to six follow-ups per customer, the last where {@link DemoRhythm} puts
	 * it, and dates the customer's creation (and so its owner's first day with it) before
	 * the first; returns how many.
	 */
	int create(DemoFaker faker, List<DemoCustomers.Seeded> customers, Instant now) {
		DemoRhythm.Clocks clocks = this.rhythm.clocks(now);
		int count = 0;
		for (DemoCustomers.Seeded customer : customers) {
			Duration last = clocks.lastFollowUpAge(faker, customer.level());
			List<Duration> ages = new ArrayList<>(List.of(last));
			for (int i = faker.between(2, 6); i > 1; i--) {
				ages.add(last.plusSeconds((long) (faker.fraction() * SPAN.minus(OFFICE_ROOM).minus(last).toSeconds())));
			}
			for (Duration age : ages) {
				insert(faker, customer, clocks.hours().within(now.minus(age)).truncatedTo(ChronoUnit.MICROS),
						clocks.hours());
				count++;
			}
			Duration oldest = ages.stream().max(Duration::compareTo).orElseThrow();
			created(customer, clocks.hours().within(now.minus(oldest)).minus(Duration.ofDays(faker.between(1, 14))));
		}
		// every demo note is long enough to count: the customers' clocks start from them
		this.jdbc.sql("""
				update customer c set last_followed_up_at = f.at
				from (select customer_id, max(created_at) as at from follow_up where substantive group by customer_id) f
				where f.customer_id = c.id""").update();
		return count;
	}

	/**
	 * Dates the customer's creation, its first owner's assignment and its contacts back
	 * to the instant, before its first follow-up.
	 */
	private void created(DemoCustomers.Seeded customer, Instant at) {
		Timestamp then = Timestamp.from(at.truncatedTo(ChronoUnit.MICROS));
		for (String sql : List.of("update customer set created_at = :at where id = :id",
				"update customer_owner_history set changed_at = :at where customer_id = :id",
				"update customer_revision set changed_at = :at where customer_id = :id",
				"update contact set created_at = :at, updated_at = :at where customer_id = :id",
				"update contact_revision set changed_at = :at where customer_id = :id")) {
			this.jdbc.sql(sql).param("at", then).param("id", customer.id()).update();
		}
	}

	private void insert(DemoFaker faker, DemoCustomers.Seeded customer, Instant at, DemoWorkingHours hours) {
		FollowUpKind kind = faker.pick(List.of(FollowUpKind.values()));
		Long contactId = faker.chance(0.7) ? faker.pick(customer.contactIds()) : null;
		Instant next = faker.chance(0.3) ? hours.within(at.plus(Duration.ofDays(faker.between(3, 14)))) : null;
		String content = "与客户沟通" + faker.pick(TOPICS) + "事宜，" + faker.pick(OUTCOMES) + "，" + faker.pick(NEXT_STEPS);
		long id = this.jdbc.sql("""
				insert into follow_up (customer_id, contact_id, author_id, kind, content, next_contact_at,
				                       created_at, updated_at, version, substantive)
				values (?, ?, ?, ?, ?, ?, ?, ?, 0, true) returning id""")
			.params(customer.id(), contactId, customer.ownerId(), kind.name(), content,
					next == null ? null : Timestamp.from(next), Timestamp.from(at), Timestamp.from(at))
			.query(Long.class)
			.single();
		this.audit.record(AuditAction.FOLLOW_UP_CREATED, "follow_up", id,
				Map.of("customerId", customer.id(), "kind", kind.name(), "backdated", true));
	}

}
