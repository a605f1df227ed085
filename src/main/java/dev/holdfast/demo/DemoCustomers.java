package dev.holdfast.demo;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.ContactForm;
import dev.holdfast.customer.CustomerForm;
import dev.holdfast.customer.CustomerKind;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.CustomerStatus;
import dev.holdfast.customer.Gender;
import dev.holdfast.customer.MovedInCustomers;
import dev.holdfast.customer.MovedInCustomers.NewCustomer;
import dev.holdfast.customer.MovedInCustomers.Recorded;

/**
 * The demo company's customers and their contacts, recorded through the customer module's
 * {@link MovedInCustomers} as of the day each began, before its first follow-up: each has
 * its revision, ownership history and audit event, dated as a company that has worked for
 * months would have them. Nine in ten are companies, the rest private buyers.
 */
@Component
class DemoCustomers {

	static final int COUNT = 320;

	private static final List<String> SOURCES = List.of("展会", "转介绍", "官网", "电话开发", "合作伙伴", "广告", "老客户");

	private static final List<String> TITLES = List.of("总经理", "采购经理", "采购主管", "财务总监", "技术负责人", "行政主管", "董事长助理");

	private static final List<CustomerLevel> LEVELS = List.of(CustomerLevel.A, CustomerLevel.B, CustomerLevel.B,
			CustomerLevel.C, CustomerLevel.C, CustomerLevel.C, CustomerLevel.D, CustomerLevel.D);

	private final MovedInCustomers customers;

	DemoCustomers(MovedInCustomers customers) {
		this.customers = customers;
	}

	/** A demo customer: its id, level, owner, the ids of its contacts and its history. */
	record Seeded(long id, CustomerLevel level, long ownerId, List<Long> contactIds, DemoFollowUps.History history) {
	}

	/** What comes before a customer: its follow-ups, and so the day it began. */
	interface Past {

		DemoFollowUps.History of(CustomerLevel level, int contacts);

	}

	List<Seeded> create(DemoFaker faker, List<Long> owners, Past past) {
		List<NewCustomer> drafts = new ArrayList<>(COUNT);
		List<DemoFollowUps.History> histories = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			long owner = owners.get(i % owners.size());
			CustomerLevel level = faker.pick(LEVELS);
			CustomerForm form = customer(faker, level);
			List<ContactForm> contacts = new ArrayList<>();
			int count = faker.between(1, 3);
			for (int c = 0; c < count; c++) {
				contacts.add(contact(faker));
			}
			DemoFollowUps.History history = past.of(level, count);
			drafts.add(new NewCustomer(form, owner, history.began(), contacts));
			histories.add(history);
		}
		List<Recorded> recorded = this.customers.recordAll(drafts, "demo");
		List<Seeded> seeded = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			seeded.add(new Seeded(recorded.get(i).customerId(), drafts.get(i).customer().level(),
					drafts.get(i).ownerId(), recorded.get(i).contactIds(), histories.get(i)));
		}
		return seeded;
	}

	private CustomerForm customer(DemoFaker faker, CustomerLevel level) {
		String city = faker.city();
		boolean company = faker.chance(0.9);
		String name = company ? faker.companyName(city) : faker.personName();
		return new CustomerForm(name, company ? CustomerKind.COMPANY : CustomerKind.PERSON, level,
				company ? faker.industryOf(name) : null, faker.pick(SOURCES), city, faker.address(city),
				faker.chance(0.3) ? "年度采购预算约" + faker.between(10, 500) + "万元" : null,
				faker.pick(List.of(CustomerStatus.values())), null);
	}

	private ContactForm contact(DemoFaker faker) {
		Gender gender = faker.pick(List.of(Gender.MALE, Gender.FEMALE));
		String wechat = faker.chance(0.5) ? "wx_" + faker.between(100000, 999999) : null;
		return new ContactForm(faker.personName(), faker.pick(TITLES), faker.mobile(), null, wechat, null, gender, null,
				null);
	}

}
