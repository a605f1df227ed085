package dev.holdfast.customer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * The visibility rule itself: owner, data scopes, team members with and without expiry,
 * and lists that show exactly what the detail endpoints allow.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerVisibilityIntegrationTests {

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

	private String path() {
		return "/api/v1/customers/" + this.known.id();
	}

	private int status(Employee who, String path) {
		return this.api.get(this.company.token(who), path).status();
	}

	@Test
	void theOwnerAndTheManagerAboveSeeTheCustomerAndItsWholeTimeline() {
		assertThat(status(this.company.owner, path())).isEqualTo(200);
		Api.Response timeline = this.api.get(this.company.token(this.company.manager), path() + "/follow-ups");
		assertThat(timeline.status()).isEqualTo(200);
		assertThat(timeline.body().get("items").get(0).get("id").asLong()).isEqualTo(this.known.followUpId());
		assertThat(timeline.body().get("items").get(0).get("authorId").asLong()).isEqualTo(this.company.owner.id());
	}

	@Test
	void aColleagueInTheSameTeamWithScopeSelfDoesNotSeeIt() {
		assertThat(status(this.company.colleague, path())).isEqualTo(404);
	}

	@Test
	void theManagerCanChangeTheCustomerThroughTheScope() {
		String manager = this.company.token(this.company.manager);
		long version = this.api.get(manager, path()).body().get("version").asLong();
		Api.Response changed = this.api.patch(manager, path(), Map.of("industry", "电子制造", "version", version));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.text("industry")).isEqualTo("电子制造");
	}

	@Test
	void subordinatesScopeFollowsTheReportingChainAcrossDepartments() {
		TestData data = this.company.data;
		long dept = data.department("直属", null);
		Employee lead = data.employee("lead", dept, null);
		Api.Response role = this.api.post(data.adminToken(), "/api/v1/roles", Map.of("code", TestData.unique("LEAD_"),
				"name", "组长", "dataScope", "SUBORDINATES", "permissions", List.of("customer.create")));
		assertThat(role.status()).isEqualTo(201);
		this.api.patch(data.adminToken(), "/api/v1/employees/" + lead.id(),
				Map.of("roles", List.of(role.text("code"))));
		Employee middle = data.employee("mid", this.company.elsewhere, lead.id(), "SALES");
		Employee bottom = data.employee("low", this.company.team, middle.id(), "SALES");
		long customer = TestData.created(this.api.post(this.company.token(bottom), "/api/v1/customers",
				TestData.customerFields(TestData.unique("杭州西湖茶业"))));

		assertThat(status(lead, "/api/v1/customers/" + customer)).isEqualTo(200);
		assertThat(status(middle, "/api/v1/customers/" + customer)).isEqualTo(404);
		assertThat(status(lead, path())).isEqualTo(404);
	}

	@Test
	void aReadMemberSeesButMayNotChangeAWriteMemberMayChange() {
		String owner = this.company.token(this.company.owner);
		Employee reader = this.company.data.employee("reader", this.company.elsewhere, null, "SERVICE");
		Employee writer = this.company.data.employee("writer", this.company.elsewhere, null, "SALES");
		assertThat(this.api.put(owner, path() + "/members/" + reader.id(), Map.of("access", "READ")).status())
			.isEqualTo(200);
		assertThat(this.api.put(owner, path() + "/members/" + writer.id(), Map.of("access", "WRITE")).status())
			.isEqualTo(200);

		String readerToken = this.company.token(reader);
		long version = this.api.get(readerToken, path()).body().get("version").asLong();
		assertThat(this.api.get(readerToken, path() + "/contacts").status()).isEqualTo(200);
		assertThat(this.api.patch(readerToken, path(), Map.of("notes", "改一下", "version", version)).status())
			.isEqualTo(403);
		assertThat(this.api.patch(this.company.token(writer), path(), Map.of("notes", "重要客户", "version", version))
			.status()).isEqualTo(200);

		List<String> members = this.api.get(owner, path() + "/members")
			.body()
			.valueStream()
			.map(m -> m.get("access").asString())
			.toList();
		assertThat(members).contains("READ", "WRITE");
	}

	@Test
	void anExpiredMembershipGivesNoAccessAndARemovedOneNeither() {
		String owner = this.company.token(this.company.owner);
		Employee temp = this.company.data.employee("temp", this.company.elsewhere, null, "SALES");
		Employee gone = this.company.data.employee("gone", this.company.elsewhere, null, "SALES");
		Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
		this.api.put(owner, path() + "/members/" + temp.id(),
				Map.of("access", "READ", "expiresAt", tomorrow.toString()));
		this.api.put(owner, path() + "/members/" + gone.id(), Map.of("access", "READ"));
		assertThat(status(temp, path())).isEqualTo(200);
		assertThat(status(gone, path())).isEqualTo(200);

		this.jdbc.sql("update customer_member set expires_at = now() - interval '1 minute' where employee_id = ?")
			.param(temp.id())
			.update();
		assertThat(this.api.delete(owner, path() + "/members/" + gone.id()).status()).isEqualTo(204);

		assertThat(status(temp, path())).isEqualTo(404);
		assertThat(status(gone, path())).isEqualTo(404);
		assertThat(listedIds(temp, "")).doesNotContain(this.known.id());
		long kept = this.jdbc
			.sql("select count(*) from customer_member where employee_id = ? and removed_at is not null")
			.param(gone.id())
			.query(Long.class)
			.single();
		assertThat(kept).as("a removed membership stays as history").isEqualTo(1);
	}

	@Test
	void listsAndSearchesShowExactlyTheVisibleCustomers() {
		String name = this.api.get(this.company.token(this.company.owner), path()).text("name");
		String phone = this.known.contactPhone();
		assertThat(listedIds(this.company.owner, name)).containsExactly(this.known.id());
		assertThat(listedIds(this.company.manager, name)).containsExactly(this.known.id());
		assertThat(listedIds(this.company.owner, phone)).containsExactly(this.known.id());
		assertThat(listedIds(this.company.outsider, name)).isEmpty();
		assertThat(listedIds(this.company.outsider, phone)).isEmpty();
		assertThat(listedIds(this.company.colleague, "")).doesNotContain(this.known.id());
		assertThat(listedIds(this.company.otherManager, "")).doesNotContain(this.known.id());
	}

	@Test
	void aDuplicateTheCallerMayNotSeeIsReportedWithoutItsIdOrOwner() {
		String name = this.api.get(this.company.token(this.company.owner), path()).text("name");
		Api.Response invisible = this.api.post(this.company.token(this.company.outsider), "/api/v1/customers",
				TestData.customerFields(name + " "));
		assertThat(invisible.status()).isEqualTo(409);
		assertThat(invisible.body().get("visible").asBoolean()).isFalse();
		assertThat(invisible.raw()).doesNotContain(String.valueOf(this.known.id()))
			.doesNotContain(this.company.owner.username())
			.doesNotContain("ownerId");

		Api.Response visible = this.api.post(this.company.token(this.company.manager), "/api/v1/customers",
				TestData.customerFields(name.replace("有限公司", "")));
		assertThat(visible.status()).isEqualTo(409);
		assertThat(visible.body().get("visible").asBoolean()).isTrue();
		assertThat(visible.body().get("existingId").asLong()).isEqualTo(this.known.id());
	}

	@Test
	void aContactPhoneOfAnInvisibleCustomerIsADuplicateWithoutDetails() {
		String phone = this.known.contactPhone();
		String outsider = this.company.token(this.company.outsider);
		long own = TestData
			.created(this.api.post(outsider, "/api/v1/customers", TestData.customerFields(TestData.unique("北京燕山建材"))));
		Api.Response response = this.api.post(outsider, "/api/v1/customers/" + own + "/contacts",
				Map.of("name", "张伟", "phone", "+86 " + phone));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.body().get("visible").asBoolean()).isFalse();
		assertThat(response.body().has("existingId")).isFalse();
	}

	private List<Long> listedIds(Employee who, String q) {
		Api.Response response = this.api.get(this.company.token(who), "/api/v1/customers?size=200&q="
				+ java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
	}

}
