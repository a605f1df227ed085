package dev.holdfast.customer;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.CustomerWithHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ownership is a relation: transferring a customer records old and new owner and rewrites
 * none of its history.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnershipAndTeamIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private Company company;

	private CustomerWithHistory known;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华南区", "深圳销售一组", "华北区");
		this.known = this.company.data.customerWithHistory(this.company.owner);
	}

	@Test
	void aManagerTransfersACustomerAndTheFollowUpsKeepTheirAuthor() {
		String manager = this.company.token(this.company.manager);
		String rep = this.company.token(this.company.owner);
		long id = TestData
			.created(this.api.post(rep, "/api/v1/customers", TestData.customerFields(TestData.unique("苏州园林设计"))));
		long followUp = this.api
			.post(rep, "/api/v1/customers/" + id + "/follow-ups", Map.of("kind", "CALL", "content", "首次电话"))
			.id();

		assertThat(this.api
			.patch(rep, "/api/v1/customers/" + id, Map.of("ownerId", this.company.colleague.id(), "version", 0))
			.status()).as("a rep may not transfer").isEqualTo(403);
		Api.Response moved = this.api.patch(manager, "/api/v1/customers/" + id,
				Map.of("ownerId", this.company.colleague.id(), "version", 0));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.body().get("ownerId").asLong()).isEqualTo(this.company.colleague.id());

		Map<String, Object> history = this.jdbc.sql("""
				select old_owner_id, new_owner_id, changed_by from customer_owner_history
				where customer_id = ? order by id desc limit 1""").param(id).query().singleRow();
		assertThat(((Number) history.get("old_owner_id")).longValue()).isEqualTo(this.company.owner.id());
		assertThat(((Number) history.get("new_owner_id")).longValue()).isEqualTo(this.company.colleague.id());
		assertThat(((Number) history.get("changed_by")).longValue()).isEqualTo(this.company.manager.id());

		Api.Response timeline = this.api.get(this.company.token(this.company.colleague),
				"/api/v1/customers/" + id + "/follow-ups");
		assertThat(timeline.body().get("items").get(0).get("id").asLong()).isEqualTo(followUp);
		assertThat(timeline.body().get("items").get(0).get("authorId").asLong()).isEqualTo(this.company.owner.id());
		assertThat(this.api.get(rep, "/api/v1/customers/" + id).status()).as("the old owner no longer sees it")
			.isEqualTo(404);
	}

	@Test
	void aCustomerCannotGoToSomeoneWhoIsNotActive() {
		TestData data = this.company.data;
		Employee departed = data.employee("left", this.company.team, null, "SALES");
		data.adminToken();
		this.api.patch(data.adminToken(), "/api/v1/employees/" + departed.id(), Map.of("status", "DEPARTED"));
		String manager = this.company.token(this.company.manager);
		long version = this.api.get(manager, "/api/v1/customers/" + this.known.id()).body().get("version").asLong();
		Api.Response response = this.api.patch(manager, "/api/v1/customers/" + this.known.id(),
				Map.of("ownerId", departed.id(), "version", version));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("fields").has("ownerId")).isTrue();
		Api.Response member = this.api.put(manager,
				"/api/v1/customers/" + this.known.id() + "/members/" + departed.id(), Map.of("access", "READ"));
		assertThat(member.status()).isEqualTo(400);
	}

	@Test
	void teamRulesTheOwnerIsNoMemberAccessIsRequiredAndChangesAreAudited() {
		String rep = this.company.token(this.company.owner);
		String members = "/api/v1/customers/" + this.known.id() + "/members/";
		assertThat(this.api.put(rep, members + this.company.owner.id(), Map.of("access", "READ")).status())
			.isEqualTo(400);
		assertThat(this.api.put(rep, members + this.company.colleague.id(), Map.of()).status()).isEqualTo(400);
		assertThat(this.api.put(rep, members + this.company.colleague.id(), Map.of("access", "OWNER")).status())
			.isEqualTo(400);
		assertThat(this.api
			.put(rep, members + this.company.colleague.id(),
					Map.of("access", "READ", "expiresAt", "2001-01-01T00:00:00Z"))
			.status()).as("an expiry in the past").isEqualTo(400);
		assertThat(this.api.put(rep, members + this.company.colleague.id(), Map.of("access", "READ")).status())
			.isEqualTo(200);
		assertThat(this.api.put(rep, members + this.company.colleague.id(), Map.of("access", "WRITE")).status())
			.isEqualTo(200);
		List<String> actions = this.jdbc.sql("""
				select action from audit_event where target_type = 'customer' and target_id = ?
				  and action like 'MEMBER_%' order by id""")
			.param(String.valueOf(this.known.id()))
			.query(String.class)
			.list();
		assertThat(actions).containsSubsequence("MEMBER_ADDED", "MEMBER_CHANGED");
	}

}
