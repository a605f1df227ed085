package dev.holdfast.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.followup.FollowUpKind;
import dev.holdfast.followup.PastFollowUp;
import dev.holdfast.followup.PastFollowUps;

/**
 * Follow-ups of the demo customers, spread over the last six months, the latest of each
 * placed by {@link DemoRhythm}; the customer began a few days before the first. They and
 * the next contacts they promise lie in office hours ({@link DemoWorkingHours}). They are
 * recorded through the follow-up module's {@link PastFollowUps}, which dates them and
 * moves each customer's last follow-up to its latest.
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

	private final PastFollowUps followUps;

	private final DemoRhythm rhythm;

	DemoFollowUps(PastFollowUps followUps, DemoRhythm rhythm) {
		this.followUps = followUps;
		this.rhythm = rhythm;
	}

	/**
	 * One follow-up to come; {@code contact} is an index into the customer's contacts.
	 */
	record Planned(Instant at, FollowUpKind kind, String content, Integer contact, Instant next) {
	}

	/** A customer's follow-ups, and the day it began, before the first of them. */
	record History(Instant began, List<Planned> followUps) {
	}

	/** The past of each customer, under the company's rules at the instant. */
	DemoCustomers.Past past(DemoFaker faker, Instant now) {
		DemoRhythm.Clocks clocks = this.rhythm.clocks(now);
		return (level, contacts) -> plan(faker, clocks, level, contacts);
	}

	/**
	 * Two to six follow-ups of a customer, the last where {@link DemoRhythm} puts it, and
	 * the customer's first day (so its owner's first day with it) before the first.
	 */
	private History plan(DemoFaker faker, DemoRhythm.Clocks clocks, CustomerLevel level, int contacts) {
		Instant now = clocks.now();
		Duration last = clocks.lastFollowUpAge(faker, level);
		List<Duration> ages = new ArrayList<>(List.of(last));
		for (int i = faker.between(2, 6); i > 1; i--) {
			ages.add(last.plusSeconds((long) (faker.fraction() * SPAN.minus(OFFICE_ROOM).minus(last).toSeconds())));
		}
		List<Planned> planned = new ArrayList<>(ages.size());
		for (Duration age : ages) {
			planned.add(planned(faker, clocks.hours().within(now.minus(age)).truncatedTo(ChronoUnit.MICROS),
					clocks.hours(), contacts));
		}
		Duration oldest = ages.stream().max(Duration::compareTo).orElseThrow();
		Instant began = clocks.hours().within(now.minus(oldest)).minus(Duration.ofDays(faker.between(1, 14)));
		return new History(began.truncatedTo(ChronoUnit.MICROS), planned);
	}

	/**
	 * Records the planned follow-ups of the customers, by their owners; returns how many.
	 */
	int create(List<DemoCustomers.Seeded> customers) {
		List<PastFollowUp> past = new ArrayList<>();
		for (DemoCustomers.Seeded customer : customers) {
			for (Planned p : customer.history().followUps()) {
				past.add(new PastFollowUp(customer.id(),
						p.contact() == null ? null : customer.contactIds().get(p.contact()), customer.ownerId(),
						p.kind(), p.content(), p.at(), p.next()));
			}
		}
		// every demo note is long enough to count: the customers' clocks start from them
		return this.followUps.recordAll(past, "demo").size();
	}

	private Planned planned(DemoFaker faker, Instant at, DemoWorkingHours hours, int contacts) {
		FollowUpKind kind = faker.pick(List.of(FollowUpKind.values()));
		Integer contact = faker.chance(0.7) ? faker.between(0, contacts - 1) : null;
		Instant next = faker.chance(0.3) ? hours.within(at.plus(Duration.ofDays(faker.between(3, 14)))) : null;
		String content = "与客户沟通" + faker.pick(TOPICS) + "事宜，" + faker.pick(OUTCOMES) + "，" + faker.pick(NEXT_STEPS);
		return new Planned(at, kind, content, contact, next);
	}

}
