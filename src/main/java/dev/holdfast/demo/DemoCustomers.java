package dev.holdfast.demo;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.ContactForm;
import dev.holdfast.customer.ContactManagement;
import dev.holdfast.customer.CustomerForm;
import dev.holdfast.customer.CustomerKind;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.CustomerManagement;
import dev.holdfast.customer.CustomerStatus;
import dev.holdfast.customer.Gender;

/**
 * The demo company's customers and their contacts, created through the customer module's
 * services, so each has its revision, ownership history and audit event. Nine in ten are
 * companies, the rest private buyers.
 */
@Component
class DemoCustomers {

	static final int COUNT = 320;

	private static final List<String> SOURCES = List.of("展会", "转介绍", "官网", "电话开发", "合作伙伴", "广告", "老客户");

	private static final List<String> TITLES = List.of("总经理", "采购经理", "采购主管", "财务总监", "技术负责人", "行政主管", "董事长助理");

	private static final List<CustomerLevel> LEVELS = List.of(CustomerLevel.A, CustomerLevel.B, CustomerLevel.B,
			CustomerLevel.C, CustomerLevel.C, CustomerLevel.C, CustomerLevel.D, CustomerLevel.D);

	private final CustomerManagement customers;

	private final ContactManagement contacts;

	private final EntityManager entities;

	DemoCustomers(CustomerManagement customers, ContactManagement contacts, EntityManager entities) {
		this.customers = customers;
		this.contacts = contacts;
		this.entities = entities;
	}

	/** A demo customer: its id, level, owner and the ids of its contacts. */
	record Seeded(long id, CustomerLevel level, long ownerId, List<Long> contactIds) {
	}

	List<Seeded> create(DemoFaker faker, List<Long> owners) {
		List<Seeded> seeded = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			long owner = owners.get(i % owners.size());
			CustomerLevel level = faker.pick(LEVELS);
			long id = customer(faker, owner, level);
			List<Long> contactIds = new ArrayList<>();
			int count = faker.between(1, 3);
			for (int c = 0; c < count; c++) {
				contactIds.add(contact(faker, id));
			}
			seeded.add(new Seeded(id, level, owner, contactIds));
			// All of it runs in one transaction: without this every flush would check all
			// the customers created so far, and seeding would slow down quadratically.
			this.entities.clear();
		}
		return seeded;
	}

	private long customer(DemoFaker faker, long owner, CustomerLevel level) {
		String city = faker.city();
		boolean company = faker.chance(0.9);
		String name = company ? faker.companyName(city) : faker.personName();
		CustomerForm form = new CustomerForm(name, company ? CustomerKind.COMPANY : CustomerKind.PERSON, level,
				company ? faker.industryOf(name) : null, faker.pick(SOURCES), city, faker.address(city),
				faker.chance(0.3) ? "年度采购预算约" + faker.between(10, 500) + "万元" : null,
				faker.pick(List.of(CustomerStatus.values())), owner);
		return this.customers.create(form).id();
	}

	private long contact(DemoFaker faker, long customerId) {
		Gender gender = faker.pick(List.of(Gender.MALE, Gender.FEMALE));
		String wechat = faker.chance(0.5) ? "wx_" + faker.between(100000, 999999) : null;
		ContactForm form = new ContactForm(faker.personName(), faker.pick(TITLES), faker.mobile(), null, wechat, null,
				gender, null, null);
		return this.contacts.create(customerId, form).id();
	}

}
