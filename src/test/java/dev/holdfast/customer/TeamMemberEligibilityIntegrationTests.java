package dev.holdfast.customer;

import java.net.http.HttpResponse;
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
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep cannot open a customer to HR or an auditor by adding them to its team: only
 * people whose work is customers (sales, customer service) join a team, and the picker
 * offers exactly them.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamMemberEligibilityIntegrationTests {

	@LocalServerPort
	int port;

	private Api api;

	private Company company;

	private Employee hr;

	private Employee auditor;

	private Employee service;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华北区", "天津销售一组", "西北区");
		this.hr = this.company.hr();
		this.auditor = this.company.data.employee("auditor", this.company.region, null, "AUDITOR");
		this.service = this.company.data.employee("service", this.company.region, null, "SERVICE");
	}

	@Test
	void hrAndAuditorsAreRefusedAsTeamMembersAndStillSeeNothing() {
		long customer = this.company.customerOf(this.company.owner);
		String ownerToken = this.company.token(this.company.owner);
		for (Employee refused : new Employee[] { this.hr, this.auditor }) {
			Api.Response added = this.api.put(ownerToken, "/api/v1/customers/" + customer + "/members/" + refused.id(),
					Map.of("access", "READ"));
			assertThat(added.status()).as(refused.username()).isEqualTo(400);
			assertThat(added.raw()).as(refused.username()).contains("employeeId");
			assertThat(this.api.get(this.company.token(refused), "/api/v1/customers/" + customer).status())
				.as(refused.username())
				.isEqualTo(404);
		}

		WebSession owner = new WebSession(this.port);
		owner.logIn(this.company.owner.username(), TestData.PASSWORD);
		HttpResponse<String> page = owner.get("/customers/" + customer + "?lang=zh_CN");
		String csrf = WebSession.csrfToken(page);
		assertThat(page.body()).doesNotContain("value=\"" + this.hr.id() + "\"")
			.doesNotContain("value=\"" + this.auditor.id() + "\"")
			.contains("value=\"" + this.service.id() + "\"")
			.contains("value=\"" + this.company.colleague.id() + "\"");
		HttpResponse<String> form = owner.post("/customers/" + customer + "/members",
				Map.of("employeeId", String.valueOf(this.hr.id()), "access", "READ", "_csrf", csrf));
		assertThat(form.statusCode()).isEqualTo(422);
		assertThat(form.body()).contains("id=\"error-employeeId\"", "人事和审计人员不能加入客户团队");
	}

	@Test
	void customerServiceAndSalesColleaguesStillJoin() {
		long customer = this.company.customerOf(this.company.owner);
		String ownerToken = this.company.token(this.company.owner);
		assertThat(this.api
			.put(ownerToken, "/api/v1/customers/" + customer + "/members/" + this.service.id(),
					Map.of("access", "READ"))
			.status()).isEqualTo(200);
		assertThat(this.api
			.put(ownerToken, "/api/v1/customers/" + customer + "/members/" + this.company.colleague.id(),
					Map.of("access", "WRITE"))
			.status()).isEqualTo(200);
		assertThat(this.api.get(this.company.token(this.service), "/api/v1/customers/" + customer).status())
			.isEqualTo(200);
	}

}
