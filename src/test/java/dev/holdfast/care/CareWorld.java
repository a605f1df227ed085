package dev.holdfast.care;

import java.util.HashMap;
import java.util.Map;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

/**
 * A region with a sales manager, two reps in a sub-department and a customer service
 * employee; another region with its own manager, rep and customer service. Rep
 * {@code owner} owns the A customer {@code customerId}.
 */
final class CareWorld {

	final Api api;

	final TestData data;

	final long region;

	final long team;

	final long elsewhere;

	final Employee manager;

	final Employee owner;

	final Employee peer;

	final Employee service;

	final Employee otherManager;

	final Employee otherService;

	final long customerId;

	CareWorld(Api api) {
		this.api = api;
		this.data = new TestData(api);
		this.region = this.data.department("华东区", null);
		this.team = this.data.department("上海销售二组", this.region);
		this.elsewhere = this.data.department("西北区", null);
		this.manager = this.data.employee("mgr", this.region, null, "SALES_MANAGER");
		this.owner = this.data.employee("rep", this.team, this.manager.id(), "SALES");
		this.peer = this.data.employee("rep", this.team, this.manager.id(), "SALES");
		this.service = this.data.employee("svc", this.region, null, "SERVICE");
		this.otherManager = this.data.employee("mgr", this.elsewhere, null, "SALES_MANAGER");
		this.otherService = this.data.employee("svc", this.elsewhere, null, "SERVICE");
		this.customerId = customerOf(this.owner, "A");
	}

	String token(Employee employee) {
		return this.data.token(employee);
	}

	/** A new customer of the employee at the level, with a unique name. */
	long customerOf(Employee owner, String level) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", TestData.unique("苏州工业园精密机械") + "有限公司");
		body.put("kind", "COMPANY");
		body.put("level", level);
		body.put("region", "江苏省苏州市");
		Api.Response response = this.api.post(token(owner), "/api/v1/customers", body);
		if (response.status() != 201) {
			throw new AssertionError("expected 201 but got " + response);
		}
		return response.id();
	}

}
