package dev.holdfast.customer;

import java.util.HashMap;
import java.util.Map;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

/**
 * A small company for visibility tests: a region with a manager and two reps in a
 * sub-department, and an unrelated department with its own manager and rep. Rep
 * {@code owner} owns {@code customerId}, which has a contact and a follow-up.
 */
final class CustomerWorld {

	final Api api;

	final TestData data;

	final long region;

	final long team;

	final long elsewhere;

	final Employee manager;

	final Employee owner;

	final Employee colleague;

	final Employee otherManager;

	final Employee outsider;

	final long customerId;

	final long contactId;

	/** The contact's phone number as it was entered: every view shows it masked. */
	final String contactPhone;

	final long followUpId;

	CustomerWorld(Api api) {
		this.api = api;
		this.data = new TestData(api);
		this.region = this.data.department("华南区", null);
		this.team = this.data.department("深圳销售一组", this.region);
		this.elsewhere = this.data.department("华北区", null);
		this.manager = this.data.employee("mgr", this.region, null, "SALES_MANAGER");
		this.owner = this.data.employee("rep", this.team, this.manager.id(), "SALES");
		this.colleague = this.data.employee("rep", this.team, this.manager.id(), "SALES");
		this.otherManager = this.data.employee("mgr", this.elsewhere, null, "SALES_MANAGER");
		this.outsider = this.data.employee("rep", this.elsewhere, this.otherManager.id(), "SALES");
		String token = token(this.owner);
		this.customerId = created(api.post(token, "/api/v1/customers", customer(TestData.unique("广州明珠电子") + "有限公司")));
		this.contactPhone = mobile();
		this.contactId = created(api.post(token, "/api/v1/customers/" + this.customerId + "/contacts",
				Map.of("name", "李娜", "phone", this.contactPhone, "email", "lina@example.cn")));
		this.followUpId = created(api.post(token, "/api/v1/customers/" + this.customerId + "/follow-ups",
				Map.of("kind", "VISIT", "content", "上门拜访，了解了明年的采购计划")));
	}

	String token(Employee employee) {
		return this.data.token(employee);
	}

	/** A new customer of the employee, with a unique name. */
	long customerOf(Employee owner) {
		return created(this.api.post(token(owner), "/api/v1/customers", customer(TestData.unique("杭州测试") + "有限公司")));
	}

	static Map<String, Object> customer(String name) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("kind", "COMPANY");
		body.put("level", "A");
		body.put("region", "广东省深圳市");
		body.put("address", "深圳市南山区科技园南路18号");
		return body;
	}

	private static final java.util.concurrent.atomic.AtomicLong phones = new java.util.concurrent.atomic.AtomicLong(
			System.nanoTime() % 10_000_000L);

	/** A valid, unique mainland mobile number. */
	static String mobile() {
		return "139" + String.format("%08d", phones.incrementAndGet() % 100_000_000L);
	}

	static long created(Api.Response response) {
		if (response.status() != 201) {
			throw new AssertionError("expected 201 but got " + response);
		}
		return response.id();
	}

}
