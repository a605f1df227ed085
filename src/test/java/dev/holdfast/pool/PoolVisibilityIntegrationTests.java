package dev.holdfast.pool;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a pool customer shows, and to whom: readable with masked contacts by those who may
 * see its pool, invisible (404) to others, and never naming its previous owner to a rep,
 * neither in the pool list nor through the duplicate check.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolVisibilityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Company company;

	/** A third rep of the team. */
	private Employee third;

	/** The region's own pool (no rules of its own: the company pool's apply). */
	private long regionPool;

	private Api api;

	private long customerId;

	private String customerName;

	private String phone;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api, this.jdbc).company("华东区", "杭州销售组", "西南区");
		this.third = this.company.rep();
		this.regionPool = this.company.data.pool("华东公海", this.company.region);
		this.customerId = this.company.data.customerWithOneWordFollowUp(this.company.owner, "B");
		String owner = this.company.token(this.company.owner);
		this.customerName = this.api.get(owner, "/api/v1/customers/" + this.customerId).text("name");
		this.phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
		Api.Response contact = this.api.post(owner, "/api/v1/customers/" + this.customerId + "/contacts",
				Map.of("name", "周敏", "phone", this.phone, "email", "zhoumin@example.cn"));
		assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
		this.company.data.returnToPool(this.company.owner, this.customerId);
	}

	@Test
	void theListNeverShowsThePreviousOwnerToARepButDoesToTheirManager() {
		Api.Response rep = list(this.company.colleague);
		Api.Response manager = list(this.company.manager);

		assertThat(rep.status()).isEqualTo(200);
		assertThat(rep.body().size()).isEqualTo(1);
		assertThat(rep.body().get(0).get("previousOwnerId").isNull()).isTrue();
		assertThat(rep.raw()).doesNotContain(this.company.owner.username()).doesNotContain(this.phone);
		assertThat(rep.body().get(0).get("poolId").asLong()).isEqualTo(this.regionPool);
		assertThat(manager.body().get(0).get("previousOwnerId").asLong()).isEqualTo(this.company.owner.id());
		assertThat(list(this.company.outsider).body().size()).as("another region's pool").isZero();
	}

	private Api.Response list(TestData.Employee employee) {
		String q = java.net.URLEncoder.encode(this.customerName, java.nio.charset.StandardCharsets.UTF_8);
		return this.api.get(this.company.token(employee), "/api/v1/pool/customers?q=" + q);
	}

	@Test
	void aRepWhoMaySeeThePoolReadsTheCustomerWithMaskedContactsButNotItsHistory() {
		String rep = this.company.token(this.company.colleague);
		Api.Response customer = this.api.get(rep, "/api/v1/customers/" + this.customerId);
		Api.Response contacts = this.api.get(rep, "/api/v1/customers/" + this.customerId + "/contacts");
		long contactId = contacts.body().get(0).get("id").asLong();

		assertThat(customer.status()).isEqualTo(200);
		assertThat(customer.raw()).doesNotContain(this.company.owner.username());
		assertThat(contacts.raw()).doesNotContain(this.phone).contains("****");
		assertThat(this.api.get(rep, "/api/v1/customers/" + this.customerId + "/history").status()).isEqualTo(404);
		Api.Response timeline = this.api.get(rep, "/api/v1/customers/" + this.customerId + "/follow-ups");
		assertThat(timeline.status()).isEqualTo(200);
		assertThat(timeline.raw()).as("follow-ups without their author")
			.contains("\"authorId\":0")
			.doesNotContain(this.company.owner.username())
			.doesNotContain("\"authorId\":" + this.company.owner.id() + ",");
		assertThat(this.api.get(rep, "/api/v1/customers/" + this.customerId + "/members").body().size()).isZero();
		assertThat(this.api
			.post(rep, "/api/v1/contacts/" + contactId + "/reveal", Map.of("field", "phone", "reason", "想联系"))
			.status()).as("no reveal for a pool customer").isEqualTo(404);
		assertThat(this.api.get(this.company.token(this.company.outsider), "/api/v1/customers/" + this.customerId)
			.status()).as("a rep who may not see the region's pool").isEqualTo(404);
		assertThat(this.api
			.post(this.company.token(this.company.outsider), "/api/v1/pool/customers/" + this.customerId + "/claim",
					Map.of())
			.status()).isEqualTo(404);
	}

	@Test
	void theDuplicateCheckSaysOnlyThatTheCustomerIsInThePool() {
		Map<String, Object> body = Map.of("name", this.customerName, "kind", "COMPANY", "level", "C");
		Api.Response colleague = this.api.post(this.company.token(this.company.colleague), "/api/v1/customers", body);
		Api.Response outsider = this.api.post(this.company.token(this.company.outsider), "/api/v1/customers", body);

		for (Api.Response response : java.util.List.of(colleague, outsider)) {
			assertThat(response.status()).isEqualTo(409);
			assertThat(response.text("error")).isEqualTo("duplicate");
			assertThat(response.body().get("inPool").asBoolean()).isTrue();
			assertThat(response.raw()).doesNotContain(this.company.owner.username())
				.doesNotContainIgnoringCase("owner");
		}
		assertThat(outsider.body().get("visible").asBoolean()).isFalse();
	}

	@Test
	void aServiceMemberWhoSeesPhonesInFullSeesThemMaskedWhileTheCustomerIsInThePool() {
		TestData.Employee service = this.company.data.employee("service", this.company.team, null, "SERVICE");
		long id = this.company.data.customerWithOneWordFollowUp(this.third, "C");
		String owner = this.company.token(this.third);
		String phone = "137" + String.format("%08d", System.nanoTime() % 100_000_000L);
		this.api.post(owner, "/api/v1/customers/" + id + "/contacts", Map.of("name", "吴刚", "phone", phone));
		assertThat(this.api.put(owner, "/api/v1/customers/" + id + "/members/" + service.id(), Map.of("access", "READ"))
			.status()).isEqualTo(200);
		String token = this.company.token(service);
		assertThat(this.api.get(token, "/api/v1/customers/" + id + "/contacts").raw()).as("FULL for a member")
			.contains(phone);

		this.company.data.returnToPool(this.third, id);

		assertThat(this.api.get(token, "/api/v1/customers/" + id + "/contacts").raw()).doesNotContain(phone)
			.contains("****");
	}

	@Test
	void aManagerReturnsASubordinatesCustomerByHandButNotALockedOne() {
		long id = this.company.data.customerWithOneWordFollowUp(this.company.owner, "A");
		long locked = this.company.data.customerWithOneWordFollowUp(this.company.owner, "A");
		String manager = this.company.token(this.company.manager);
		this.api.post(manager, "/api/v1/customers/" + locked + "/lock", Map.of("reason", "年底续约"));

		Api.Response byPeer = this.api.post(this.company.token(this.company.colleague),
				"/api/v1/customers/" + id + "/return-to-pool", Map.of("reason", "不是我的"));
		Api.Response returned = this.api.post(manager, "/api/v1/customers/" + id + "/return-to-pool",
				Map.of("reason", "半年没有进展"));
		Api.Response refused = this.api.post(manager, "/api/v1/customers/" + locked + "/return-to-pool",
				Map.of("reason", "半年没有进展"));

		assertThat(byPeer.status()).as("a peer does not see it").isEqualTo(404);
		assertThat(returned.status()).isEqualTo(200);
		assertThat(returned.body().get("poolId").asLong()).isEqualTo(this.regionPool);
		assertThat(this.company.data.ownerOf(id)).isNull();
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("error")).isEqualTo("locked");
		assertThat(this.company.data.ownerOf(locked)).isEqualTo(this.company.owner.id());
	}

	@Test
	void aManagerAssignsOnlyToActiveEmployeesOfTheirTeam() {
		long id = this.company.data.customerWithOneWordFollowUp(this.third, "C");
		this.company.data.returnToPool(this.third, id);
		String manager = this.company.token(this.company.manager);

		Api.Response outside = this.api.post(manager, "/api/v1/pool/customers/" + id + "/assign",
				Map.of("employeeId", this.company.outsider.id()));
		Api.Response byRep = this.api.post(this.company.token(this.company.colleague),
				"/api/v1/pool/customers/" + id + "/assign", Map.of("employeeId", this.company.colleague.id()));
		Api.Response assigned = this.api.post(manager, "/api/v1/pool/customers/" + id + "/assign",
				Map.of("employeeId", this.company.colleague.id()));

		assertThat(outside.status()).isEqualTo(400);
		assertThat(byRep.status()).isEqualTo(403);
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		assertThat(this.company.data.ownerOf(id)).isEqualTo(this.company.colleague.id());
		assertThat(this.jdbc.sql("select count(*) from pool_entry where customer_id = ? and left_at is null")
			.param(id)
			.query(Long.class)
			.single()).as("out of the pool").isZero();
	}

	/**
	 * Role walk: once claimed, a customer's history named its previous owner and the
	 * reason they typed to whoever claimed it, and to that rep's manager in another
	 * region. Now the return to the pool and everything before it show no owner, reason
	 * or author to a reader who could not see the customer before it went to the pool
	 * (API and page, both languages); its previous owner's manager still reads them all.
	 */
	@Test
	void afterAClaimTheHistoryNamesThePreviousOwnerAndTheirReasonOnlyToThoseWhoSawIt() {
		String reason = "王总已经去了竞争对手那边" + System.nanoTime();
		// within the region: a peer of the previous owner claims from the region's pool
		long id = this.company.data.customerWithOneWordFollowUp(this.third, "C");
		this.api.post(this.company.token(this.third), "/api/v1/customers/" + id + "/return-to-pool",
				Map.of("reason", reason));
		assertThat(this.api
			.post(this.company.token(this.company.colleague), "/api/v1/pool/customers/" + id + "/claim", Map.of())
			.status()).isEqualTo(200);
		assertWithheld(this.company.colleague, id, this.third, reason);
		Api.Response manager = owners(this.company.manager, id);
		JsonNode returned = poolReturn(manager);
		assertThat(returned.get("oldOwnerId").asLong()).isEqualTo(this.third.id());
		assertThat(returned.get("reason").asText()).isEqualTo(reason);
		assertThat(returned.get("previousOwnerWithheld").asBoolean()).isFalse();

		// across regions: a region without a pool of its own returns to the company pool
		long north = this.company.data.department("华北区", null);
		Employee northManager = this.company.data.employee("mgr", north, null, "SALES_MANAGER");
		Employee northRep = this.company.data.employee("rep", north, northManager.id(), "SALES");
		long far = this.company.data.customerWithOneWordFollowUp(northRep, "C");
		this.api.post(this.company.token(northRep), "/api/v1/customers/" + far + "/return-to-pool",
				Map.of("reason", reason));
		Api.Response claimed = this.api.post(this.company.token(this.company.outsider),
				"/api/v1/pool/customers/" + far + "/claim", Map.of());
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
		assertWithheld(this.company.outsider, far, northRep, reason);
		assertWithheld(this.company.otherManager, far, northRep, reason);
		JsonNode seen = poolReturn(
				this.api.get(this.company.data.adminToken(), "/api/v1/customers/" + far + "/history/owners"));
		assertThat(seen.get("oldOwnerId").asLong()).as("an administrator sees every owner").isEqualTo(northRep.id());
		assertThat(seen.get("reason").asText()).isEqualTo(reason);
	}

	private void assertWithheld(Employee reader, long customer, Employee previousOwner, String reason) {
		Api.Response changes = owners(reader, customer);
		assertThat(changes.status()).isEqualTo(200);
		JsonNode returned = poolReturn(changes);
		assertThat(returned.get("previousOwnerWithheld").asBoolean()).isTrue();
		assertThat(returned.get("oldOwnerId").isNull()).isTrue();
		assertThat(returned.get("reason").isNull()).isTrue();
		assertThat(changes.raw()).doesNotContain(previousOwner.username()).doesNotContain(reason);
		Api.Response revisions = this.api.get(this.company.token(reader), "/api/v1/customers/" + customer + "/history");
		assertThat(revisions.status()).isEqualTo(200);
		assertThat(revisions.raw()).as("nor who created the customer")
			.doesNotContain(previousOwner.username())
			.doesNotContain("\"ownerId\":" + previousOwner.id());
		WebSession web = new WebSession(this.port);
		web.logIn(reader.username(), TestData.PASSWORD);
		String zh = web.get("/customers/" + customer + "/history?lang=zh_CN").body();
		assertThat(zh).contains("公海不显示此客户之前的负责人", "前任负责人")
			.doesNotContain(previousOwner.username())
			.doesNotContain(reason);
		assertThat(web.get("/customers/" + customer + "/history?lang=en").body())
			.contains("The public pool does not name who had this customer before")
			.doesNotContain(previousOwner.username());
	}

	private Api.Response owners(Employee reader, long customer) {
		return this.api.get(this.company.token(reader), "/api/v1/customers/" + customer + "/history/owners");
	}

	private static JsonNode poolReturn(Api.Response changes) {
		for (JsonNode change : changes.body()) {
			if ("POOL_RETURN".equals(change.get("kind").asText())) {
				return change;
			}
		}
		throw new AssertionError("no return to the pool in " + changes);
	}

}
