package dev.holdfast.care;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Care coverage lists key customers whose only contact is their rep, until the company
 * contacts them; key-account teams short of people are listed and fixed.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareOversightIntegrationTests {

	@LocalServerPort
	int port;

	private Api api;

	private Company company;

	/** Customer service of the region. */
	private Employee service;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华东区", "上海销售二组", "西北区");
		this.service = this.company.data.employee("svc", this.company.region, null, "SERVICE");
	}

	@Test
	void coverageListsKeyCustomersWhoseOnlyContactIsTheRep() {
		String owner = this.company.token(this.company.owner);
		String manager = this.company.token(this.company.manager);
		long repOnly = this.company.customerOf(this.company.owner, "A");
		long managerCalled = this.company.customerOf(this.company.owner, "A");
		long quietB = this.company.customerOf(this.company.owner, "B");
		long small = this.company.customerOf(this.company.owner, "C");
		followUp(owner, repOnly, "上门拜访采购部，沟通了下季度的订单计划");
		followUp(manager, managerCalled, "经理亲自拜访，确认年度框架协议续签事宜");
		String coverage = "/api/v1/care/coverage?departmentId=" + this.company.region;

		Api.Response report = this.api.get(manager, coverage);
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(customers(report.body())).contains(repOnly, quietB).doesNotContain(managerCalled, small);
		assertThat(report.body().get("days").asInt()).isEqualTo(90);
		assertThat(report.body().get("uncovered").asLong()).isEqualTo(report.body().get("customers").size())
			.isLessThan(report.body().get("keyCustomers").asLong());
		assertThat(customers(this.api.get(manager, coverage + "&days=1").body())).contains(repOnly);

		assertThat(this.api.get(owner, coverage).status()).isEqualTo(403);
		assertThat(this.api.get(manager, coverage + "&days=0").status()).isEqualTo(400);
		assertThat(
				customers(this.api.get(this.company.token(this.company.otherManager), "/api/v1/care/coverage").body()))
			.doesNotContain(repOnly, quietB);

		long visit = this.api
			.post(manager, "/api/v1/customers/" + repOnly + "/care-visits",
					Map.of("dueOn", TestData.today().plusDays(1).toString(), "assigneeId", this.service.id()))
			.id();
		assertThat(customers(this.api.get(manager, coverage).body())).as("an open visit is no contact yet")
			.contains(repOnly);
		this.api.post(this.company.token(this.service), "/api/v1/care-visits/" + visit + "/outcome",
				Map.of("reached", true, "outcome", "客户对服务满意", "satisfaction", 5));
		assertThat(customers(this.api.get(manager, coverage).body())).doesNotContain(repOnly).contains(quietB);
	}

	@Test
	void keyAccountsWithTheOwnerAloneAreListedAndFixed() {
		String manager = this.company.token(this.company.manager);
		long alone = this.company.customerOf(this.company.owner, "A");
		long second = this.company.customerOf(this.company.owner, "A");
		long teamed = this.company.customerOf(this.company.owner, "A");
		long levelB = this.company.customerOf(this.company.owner, "B");
		this.api.put(manager, "/api/v1/customers/" + teamed + "/members/" + this.company.colleague.id(),
				Map.of("access", "READ"));
		String violations = "/api/v1/key-accounts/violations?departmentId=" + this.company.region;

		Api.Response listed = this.api.get(manager, violations);
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		assertThat(customers(listed.body())).contains(alone, second).doesNotContain(teamed, levelB);
		JsonNode row = find(listed.body(), alone);
		assertThat(row.get("people").asInt()).isEqualTo(1);
		assertThat(row.get("managerId").asLong()).isEqualTo(this.company.manager.id());
		assertThat(this.api.get(this.company.token(this.company.owner), violations).status()).isEqualTo(403);
		String other = this.company.token(this.company.otherManager);
		assertThat(customers(this.api.get(other, "/api/v1/key-accounts/violations").body())).doesNotContain(alone);
		assertThat(this.api.post(other, "/api/v1/key-accounts/" + alone + "/fix", Map.of()).status()).isEqualTo(404);

		Api.Response fixed = this.api.post(manager, "/api/v1/key-accounts/" + alone + "/fix", Map.of());
		assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
		assertThat(fixed.text("outcome")).isEqualTo("FIXED");
		assertThat(fixed.text("access")).isEqualTo("WRITE");
		assertThat(this.api.get(manager, "/api/v1/customers/" + alone + "/members").raw())
			.contains("\"employeeId\":" + this.company.manager.id());
		assertThat(this.api.post(manager, "/api/v1/key-accounts/" + alone + "/fix", Map.of()).text("outcome"))
			.as("idempotent")
			.isEqualTo("ALREADY_MET");

		Api.Response byService = this.api.post(manager, "/api/v1/key-accounts/" + second + "/fix",
				Map.of("employeeId", this.service.id()));
		assertThat(byService.text("access")).isEqualTo("READ");
		assertThat(this.api.get(this.company.token(this.service), "/api/v1/customers/" + second).status())
			.isEqualTo(200);
		assertThat(customers(this.api.get(manager, violations).body())).doesNotContain(alone, second);
	}

	@Test
	void fixAllShownFixesWhatItCanAndSaysWhyNotTheRest() {
		long department = this.company.data.department("杭州大客户部", this.company.region);
		TestData.Employee lead = this.company.data.employee("mgr", department, null, "SALES_MANAGER");
		TestData.Employee rep = this.company.data.employee("rep", department, lead.id(), "SALES");
		TestData.Employee loner = this.company.data.employee("rep", department, null, "SALES");
		long first = this.company.customerOf(rep, "A");
		long next = this.company.customerOf(rep, "A");
		long managerless = this.company.customerOf(loner, "A");
		String token = this.company.token(lead);

		Api.Response all = this.api.post(token, "/api/v1/key-accounts/fix", Map.of("departmentId", department));
		assertThat(all.status()).as(all.toString()).isEqualTo(200);
		assertThat(outcome(all.body(), first)).isEqualTo("FIXED");
		assertThat(outcome(all.body(), next)).isEqualTo("FIXED");
		JsonNode skipped = find(all.body(), managerless);
		assertThat(skipped.get("outcome").asString()).isEqualTo("SKIPPED");
		assertThat(skipped.get("reason").asString()).isEqualTo("no_manager");
		assertThat(customers(this.api.get(token, "/api/v1/key-accounts/violations?departmentId=" + department).body()))
			.containsExactly(managerless);
		assertThat(this.api.post(token, "/api/v1/key-accounts/" + managerless + "/fix", Map.of()).status())
			.isEqualTo(409);
	}

	private void followUp(String token, long customer, String content) {
		Api.Response response = this.api.post(token, "/api/v1/customers/" + customer + "/follow-ups",
				Map.of("kind", "VISIT", "content", content));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	private static List<Long> customers(JsonNode body) {
		JsonNode list = body.has("customers") ? body.get("customers") : body;
		List<Long> ids = new ArrayList<>();
		list.forEach(n -> ids.add(n.get("customerId").asLong()));
		return ids;
	}

	private static JsonNode find(JsonNode list, long customer) {
		for (JsonNode n : list) {
			if (n.get("customerId").asLong() == customer) {
				return n;
			}
		}
		throw new AssertionError("no row for " + customer + " in " + list);
	}

	private static String outcome(JsonNode list, long customer) {
		return find(list, customer).get("outcome").asString();
	}

}
