package dev.holdfast.agreement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.holdfast.Api;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department whose reps hold SALES and a role of their own that an agreement requires:
 * agreements for built-in roles would close customer data to every other test sharing the
 * database.
 */
final class AgreementWorld {

	final Api api;

	final TestData data;

	final String role;

	final long department;

	final TestData.Employee hr;

	final TestData.Employee manager;

	AgreementWorld(Api api) {
		this.api = api;
		this.data = new TestData(api);
		this.role = TestData.unique("NDA");
		Api.Response created = api.post(this.data.adminToken(), "/api/v1/roles",
				Map.of("code", this.role, "name", "签保密协议 " + this.role, "dataScope", "SELF", "permissions", List.of()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.department = this.data.department("华东销售部", null);
		this.hr = this.data.employee("hr", this.department, null, "HR");
		this.manager = this.data.employee("mgr", this.department, null, "SALES_MANAGER");
	}

	TestData.Employee rep() {
		return this.data.employee("rep", this.department, this.manager.id(), "SALES", this.role);
	}

	String hrToken() {
		return this.data.token(this.hr);
	}

	long agreement(String title) {
		Api.Response created = this.api.post(hrToken(), "/api/v1/agreements", Map.of("titleZh", title + "保密协议",
				"titleEn", title + " confidentiality agreement", "roles", List.of(this.role)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	/** Publishes a version with the grace period and non-compete months (null: none). */
	long publish(long agreementId, int graceDays, Integer nonCompeteMonths) {
		Map<String, Object> body = new HashMap<>();
		body.put("textZh", "员工应对公司客户资料、联系方式、报价保密。");
		body.put("textEn", "The employee keeps the company's customer data, contacts and prices confidential.");
		body.put("scope", "客户名单、联系人、跟进记录 customer lists, contacts, follow-ups");
		body.put("graceDays", graceDays);
		if (nonCompeteMonths != null) {
			body.put("nonCompeteText", "离职后不得为竞争对手工作。");
			body.put("nonCompeteMonths", nonCompeteMonths);
		}
		Api.Response published = this.api.post(hrToken(), "/api/v1/agreements/" + agreementId + "/versions", body);
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		return published.id();
	}

}
