package dev.holdfast.customer;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfer while employed (在职转移): the new owner takes over, the old owner stays on the
 * team or leaves it, the ownership history says who moved it, when and why, and a
 * customer can't change hands more than twice in 90 days.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerTransfersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private Company company;

	private String manager;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api, this.jdbc).company("华南区", "深圳销售一组", "华北区");
		this.manager = this.company.token(this.company.manager);
	}

	@Test
	void aTransferMovesTheCustomerRecordsWhyAndKeepsTheOldOwnerAsReader() {
		long id = this.company.customerOf(this.company.owner);
		Instant until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

		Api.Response moved = transfer(id, this.company.colleague,
				Map.of("oldOwnerAccess", "READ", "accessExpiresAt", until.toString(), "reason", "张三调往大客户组"));

		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.body().get("ownerId").asLong()).isEqualTo(this.company.colleague.id());
		assertThat(moved.body().get("version").asLong()).as("the version moves on").isEqualTo(1);
		Map<String, Object> history = lastOwnerChange(id);
		assertThat(history).containsEntry("kind", "TRANSFER").containsEntry("reason", "张三调往大客户组");
		assertThat(((Number) history.get("old_owner_id")).longValue()).isEqualTo(this.company.owner.id());
		assertThat(((Number) history.get("new_owner_id")).longValue()).isEqualTo(this.company.colleague.id());
		assertThat(((Number) history.get("changed_by")).longValue()).isEqualTo(this.company.manager.id());
		Api.Response members = this.api.get(this.manager, "/api/v1/customers/" + id + "/members");
		assertThat(members.body()).hasSize(1);
		assertThat(members.body().get(0).get("employeeId").asLong()).isEqualTo(this.company.owner.id());
		assertThat(members.body().get(0).get("access").asString()).isEqualTo("READ");
		assertThat(Instant.parse(members.body().get(0).get("expiresAt").asString())).isEqualTo(until);
		String oldOwner = this.company.token(this.company.owner);
		assertThat(this.api.get(oldOwner, "/api/v1/customers/" + id).status()).isEqualTo(200);
		assertThat(this.api.patch(oldOwner, "/api/v1/customers/" + id, Map.of("level", "B", "version", 1)).status())
			.as("a reader may not change it")
			.isEqualTo(403);
		assertThat(revisionChanges(id)).containsExactly("CREATED", "TRANSFERRED");
		assertThat(auditActions(id)).contains("CUSTOMER_TRANSFERRED");
	}

	/**
	 * Role walk: the customer's history showed edits only. It shows every change of owner
	 * too (a transfer, a rotation, a return to the pool, a claim): who, when, from whom
	 * to whom and why, in both languages, to whoever may read the history and nobody
	 * else.
	 */
	@Test
	void theCustomersHistoryShowsWhoMovedItWhenFromWhomToWhomAndWhy() {
		long id = this.company.customerOf(this.company.owner);
		assertThat(
				transfer(id, this.company.colleague, Map.of("oldOwnerAccess", "NONE", "reason", "张三调往大客户组")).status())
			.isEqualTo(200);
		Instant now = Instant.now();
		TestData data = this.company.data;
		data.ownerChange(id, this.company.colleague.id(), this.company.owner.id(), "ROTATION", now.plusSeconds(1));
		data.ownerChange(id, this.company.owner.id(), null, "POOL_RETURN", now.plusSeconds(2));
		data.ownerChange(id, null, this.company.colleague.id(), "CLAIM", now.plusSeconds(3));
		String owner = displayName(this.company.owner);
		String colleague = displayName(this.company.colleague);
		String manager = displayName(this.company.manager);

		WebSession session = new WebSession(this.port);
		session.logIn(this.company.manager.username(), TestData.PASSWORD);
		String zh = session.get("/customers/" + id + "/history?lang=zh_CN").body();
		assertThat(zh).contains("负责人变更 · 转移", "从 " + owner + " 到 " + colleague, "原因：张三调往大客户组", manager, "负责人变更 · 轮岗",
				"从 " + colleague + " 到 " + owner, "负责人变更 · 退回公海", "从 " + owner + " 到 无（公海）", "负责人变更 · 从公海领取", "系统自动");
		assertThat(zh).as("a reason the system wrote is not shown as a person's").doesNotContain("原因：测试");
		assertThat(zh.indexOf("从公海领取")).as("newest first").isLessThan(zh.indexOf("负责人变更 · 转移"));
		String en = session.get("/customers/" + id + "/history?lang=en").body();
		assertThat(en).contains("Owner changed · Transfer", "From " + owner + " to " + colleague, "Why: 张三调往大客户组",
				"Owner changed · Rotation", "Owner changed · Returned to the pool",
				"Owner changed · Claimed from the pool", "nobody (a public pool)");

		// the API gives the same changes, newest first
		Api.Response changes = this.api.get(this.manager, "/api/v1/customers/" + id + "/history/owners");
		assertThat(changes.status()).isEqualTo(200);
		assertThat(changes.body().findValuesAsString("kind")).containsExactly("CLAIM", "POOL_RETURN", "ROTATION",
				"TRANSFER", "CREATED");
		assertThat(changes.body().get(3).get("reason").asString()).isEqualTo("张三调往大客户组");
		assertThat(changes.body().get(3).get("newOwnerName").asString()).isEqualTo(colleague);

		// under the page's visibility rule: the old owner (no access kept) and a manager
		// elsewhere see nothing of it
		for (Employee outsider : List.of(this.company.owner, this.company.otherManager, this.company.outsider)) {
			assertThat(
					this.api.get(this.company.token(outsider), "/api/v1/customers/" + id + "/history/owners").status())
				.isEqualTo(404);
			WebSession other = new WebSession(this.port);
			other.logIn(outsider.username(), TestData.PASSWORD);
			HttpResponse<String> page = other.get("/customers/" + id + "/history");
			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(page.body()).doesNotContain("张三调往大客户组");
		}
	}

	private String displayName(Employee employee) {
		return this.jdbc.sql("select display_name from employee where id = ?")
			.param(employee.id())
			.query(String.class)
			.single();
	}

	@Test
	void theNewOwnerLeavesTheTeamAndTheOldOwnerLeavesItWithoutAccess() {
		long id = this.company.customerOf(this.company.owner);
		assertThat(this.api
			.put(this.manager, "/api/v1/customers/" + id + "/members/" + this.company.colleague.id(),
					Map.of("access", "WRITE"))
			.status()).isEqualTo(200);

		assertThat(transfer(id, this.company.colleague, Map.of()).status()).isEqualTo(200);

		assertThat(this.api.get(this.manager, "/api/v1/customers/" + id + "/members").body()).isEmpty();
		assertThat(this.api.get(this.company.token(this.company.owner), "/api/v1/customers/" + id).status())
			.as("NONE: the old owner no longer sees it")
			.isEqualTo(404);
		assertThat(lastOwnerChange(id)).containsEntry("kind", "TRANSFER").containsEntry("reason", null);
	}

	@Test
	void theThirdChangeOfHandsIn90DaysIsRefusedAndChangesNothing() {
		long id = this.company.customerOf(this.company.owner);
		assertThat(transfer(id, this.company.colleague, Map.of()).status()).isEqualTo(200);
		assertThat(transfer(id, this.company.owner, Map.of()).status()).isEqualTo(200);
		String before = state(id);

		Api.Response third = transfer(id, this.company.colleague, Map.of("oldOwnerAccess", "WRITE"));

		assertThat(third.status()).as(third.toString()).isEqualTo(409);
		assertThat(third.text("error")).isEqualTo("transfer_limit");
		assertThat(third.text("message")).contains("2 times").contains("90 days");
		assertThat(state(id)).as("nothing changed").isEqualTo(before);
	}

	@Test
	void twoConcurrentTransfersCannotBothTakeTheLastPlaceUnderTheLimit() throws Exception {
		long id = this.company.customerOf(this.company.owner);
		assertThat(transfer(id, this.company.colleague, Map.of()).status()).isEqualTo(200);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Api.Response>> racing = pool
				.invokeAll(List.<Callable<Api.Response>>of(() -> transfer(id, this.company.owner, Map.of()),
						() -> transfer(id, this.company.manager, Map.of())));
			List<Integer> statuses = new ArrayList<>();
			for (Future<Api.Response> response : racing) {
				statuses.add(response.get().status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(ownerChangeKinds(id)).containsExactly("CREATED", "TRANSFER", "TRANSFER");
	}

	@Test
	void changingTheOwnerByEditCountsAgainstTheLimitAndIsRecordedAsEdit() {
		long id = this.company.customerOf(this.company.owner);
		assertThat(this.api
			.patch(this.manager, "/api/v1/customers/" + id,
					Map.of("ownerId", this.company.colleague.id(), "version", 0))
			.status()).isEqualTo(200);
		assertThat(lastOwnerChange(id)).containsEntry("kind", "EDIT");
		assertThat(transfer(id, this.company.owner, Map.of()).status()).isEqualTo(200);
		String before = state(id);

		Api.Response edit = this.api.patch(this.manager, "/api/v1/customers/" + id,
				Map.of("ownerId", this.company.colleague.id(), "version", 2));

		assertThat(edit.status()).as(edit.toString()).isEqualTo(409);
		assertThat(edit.text("error")).isEqualTo("transfer_limit");
		assertThat(state(id)).isEqualTo(before);
		assertThat(this.api.patch(this.manager, "/api/v1/customers/" + id, Map.of("level", "B", "version", 2)).status())
			.as("an edit that keeps the owner is not limited")
			.isEqualTo(200);
		assertThat(ownerChangeKinds(id)).containsExactly("CREATED", "EDIT", "TRANSFER");
	}

	@Test
	void onlyAnActiveEmployeeWhoIsNotTheOwnerCanTakeOver() {
		long id = this.company.customerOf(this.company.owner);
		Employee leaving = this.company.data.employee("leaving", this.company.team, null, "SALES");
		Employee departed = this.company.data.employee("left", this.company.team, null, "SALES");
		String admin = this.company.data.adminToken();
		this.api.patch(admin, "/api/v1/employees/" + leaving.id(), Map.of("status", "LEAVING"));
		this.api.patch(admin, "/api/v1/employees/" + departed.id(), Map.of("status", "DEPARTED"));

		for (Employee refused : List.of(departed, this.company.owner)) {
			Api.Response response = transfer(id, refused, Map.of());
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.body().get("fields").has("newOwnerId")).isTrue();
		}
		Api.Response serving = transfer(id, leaving, Map.of());
		assertThat(serving.status()).as("someone serving notice takes on no customers").isEqualTo(403);
		assertThat(serving.body().get("error").asString()).isEqualTo("notice_period");
		Api.Response past = transfer(id, this.company.colleague,
				Map.of("oldOwnerAccess", "READ", "accessExpiresAt", "2001-01-01T00:00:00Z"));
		assertThat(past.status()).as("an expiry in the past").isEqualTo(400);
		assertThat(
				this.api.post(this.manager, "/api/v1/customers/" + id + "/transfer", Map.of("oldOwnerAccess", "READ"))
					.status())
			.as("no new owner")
			.isEqualTo(400);
		assertThat(ownerChangeKinds(id)).containsExactly("CREATED");
	}

	/**
	 * The last insider-attack walk (LOW): the transfer pickers offered administrators,
	 * directors and other regions' reps. A manager gives customers only to themselves or
	 * to one who may own customers in their data scope, by transfer, bulk transfer, edit
	 * or on creation: the others are refused at the field (400), nothing moves.
	 */
	@Test
	void aManagerGivesCustomersOnlyToThoseInTheirScope() {
		long id = this.company.customerOf(this.company.owner);
		Employee admin = this.company.data.employee("adm", null, null, "ADMIN");
		for (Employee outside : List.of(this.company.outsider, this.company.otherManager, admin)) {
			Api.Response refused = transfer(id, outside, Map.of());
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.body().get("fields").get("newOwnerId").asString())
				.isEqualTo("the employee is outside your data scope");
			assertThat(bulk(List.of(id), outside, Map.of()).status()).isEqualTo(400);
		}
		Api.Response edited = this.api.patch(this.manager, "/api/v1/customers/" + id,
				Map.of("ownerId", this.company.outsider.id(), "version", 0));
		assertThat(edited.status()).as(edited.toString()).isEqualTo(400);
		assertThat(edited.body().get("fields").has("ownerId")).isTrue();
		Api.Response created = this.api.post(this.manager, "/api/v1/customers", Map.of("name",
				TestData.unique("越界客户") + "有限公司", "kind", "COMPANY", "ownerId", this.company.outsider.id()));
		assertThat(created.status()).as(created.toString()).isEqualTo(400);
		assertThat(ownerChangeKinds(id)).containsExactly("CREATED");
		// the insider attack's finding: another region's manager told apart, by the
		// answer,
		// an employee serving notice, one who left, one who may not own customers and an
		// id that is nobody; each is now only "outside your data scope"
		long south = this.company.customerOf(this.company.outsider);
		String otherManager = this.company.token(this.company.otherManager);
		Employee leaving = this.company.data.employee("leaving", this.company.team, null, "SALES");
		Employee departed = this.company.data.employee("left", this.company.team, null, "SALES");
		Employee hr = this.company.data.employee("hr", this.company.team, null, "HR");
		String adminToken = this.company.data.adminToken();
		this.api.patch(adminToken, "/api/v1/employees/" + leaving.id(), Map.of("status", "LEAVING"));
		this.api.patch(adminToken, "/api/v1/employees/" + departed.id(), Map.of("status", "DEPARTED"));
		for (long probed : List.of(leaving.id(), departed.id(), hr.id(), 987_654_321L)) {
			Api.Response answer = this.api.post(otherManager, "/api/v1/customers/" + south + "/transfer",
					Map.of("newOwnerId", probed));
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.body().get("fields").get("newOwnerId").asString())
				.isEqualTo("the employee is outside your data scope");
		}
		assertThat(transfer(id, this.company.manager, Map.of()).status()).as("themselves").isEqualTo(200);
		assertThat(this.api
			.post(this.company.data.adminToken(), "/api/v1/customers/" + id + "/transfer",
					Map.of("newOwnerId", this.company.outsider.id()))
			.status()).as("a data scope of everyone covers the other region").isEqualTo(200);
	}

	@Test
	void aRepWithoutTheTransferPermissionIsRefusedAndAnOutsiderSeesNothing() {
		long id = this.company.customerOf(this.company.owner);
		Api.Response rep = this.api.post(this.company.token(this.company.owner),
				"/api/v1/customers/" + id + "/transfer", Map.of("newOwnerId", this.company.colleague.id()));
		assertThat(rep.status()).as(rep.toString()).isEqualTo(403);
		Api.Response outsider = this.api.post(this.company.token(this.company.outsider),
				"/api/v1/customers/" + id + "/transfer", Map.of("newOwnerId", this.company.outsider.id()));
		assertThat(outsider.status()).isEqualTo(404);
		assertThat(this.api
			.post(this.company.token(this.company.otherManager), "/api/v1/customers/" + id + "/transfer",
					Map.of("newOwnerId", this.company.outsider.id()))
			.status()).isEqualTo(404);
		assertThat(ownerChangeKinds(id)).containsExactly("CREATED");
	}

	@Test
	void anArchivedCustomerIsNotTransferred() {
		long id = this.company.customerOf(this.company.owner);
		assertThat(this.api.post(this.manager, "/api/v1/customers/" + id + "/archive", Map.of()).status())
			.isEqualTo(200);
		assertThat(transfer(id, this.company.colleague, Map.of()).status()).isEqualTo(409);
	}

	@Test
	void aBulkTransferMovesAllWithOneAuditEventEach() {
		long first = this.company.customerOf(this.company.owner);
		long second = this.company.customerOf(this.company.colleague);

		Api.Response moved = bulk(List.of(first, second), this.company.manager,
				Map.of("oldOwnerAccess", "WRITE", "reason", "区域调整"));

		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.body().get("transferred").asInt()).isEqualTo(2);
		for (long id : List.of(first, second)) {
			assertThat(this.api.get(this.manager, "/api/v1/customers/" + id).body().get("ownerId").asLong())
				.isEqualTo(this.company.manager.id());
			assertThat(lastOwnerChange(id)).containsEntry("kind", "TRANSFER").containsEntry("reason", "区域调整");
			assertThat(auditActions(id)).containsOnlyOnce("CUSTOMER_TRANSFERRED");
			assertThat(this.api.get(this.manager, "/api/v1/customers/" + id + "/members")
				.body()
				.get(0)
				.get("access")
				.asString()).isEqualTo("WRITE");
		}
	}

	@Test
	void aBulkTransferWithOneCustomerTheCallerCannotSeeMovesNone() {
		long mine = this.company.customerOf(this.company.owner);
		long elsewhere = this.company.customerOf(this.company.outsider);
		String before = state(mine);

		Api.Response response = bulk(List.of(mine, elsewhere), this.company.colleague, Map.of());

		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(state(mine)).isEqualTo(before);
		assertThat(bulk(List.of(mine, 987_654_321L), this.company.colleague, Map.of()).raw())
			.as("an invisible customer answers exactly as a missing one")
			.isEqualTo(response.raw());
	}

	/** Role walk: the refusal names the ticked customer the new owner has already. */
	@Test
	void aBulkTransferWithACustomerTheNewOwnerHasMovesNoneAndNamesIt() {
		long fresh = this.company.customerOf(this.company.owner);
		long theirs = this.company.customerOf(this.company.colleague);
		String before = state(fresh) + state(theirs);

		Api.Response response = bulk(List.of(fresh, theirs), this.company.colleague, Map.of());

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body().get("fields").get("newOwnerId").asString())
			.isEqualTo("the employee owns customer #" + theirs + " already");
		assertThat(state(fresh) + state(theirs)).isEqualTo(before);
	}

	@Test
	void aBulkTransferWithOneCustomerOverTheLimitMovesNoneAndNamesIt() {
		long fresh = this.company.customerOf(this.company.owner);
		long busy = this.company.customerOf(this.company.owner);
		assertThat(transfer(busy, this.company.colleague, Map.of()).status()).isEqualTo(200);
		assertThat(transfer(busy, this.company.owner, Map.of()).status()).isEqualTo(200);
		String before = state(fresh) + state(busy);

		Api.Response response = bulk(List.of(fresh, busy), this.company.colleague, Map.of());

		assertThat(response.status()).as(response.toString()).isEqualTo(409);
		assertThat(response.text("error")).isEqualTo("transfer_limit");
		assertThat(response.body().get("customerIds").get(0).asLong()).isEqualTo(busy);
		assertThat(response.body().get("customerIds")).hasSize(1);
		assertThat(state(fresh) + state(busy)).isEqualTo(before);
	}

	@Test
	void aBulkTransferNeedsThePermissionAndWriteAccessToEveryCustomer() {
		long mine = this.company.customerOf(this.company.owner);
		Api.Response rep = this.api.post(this.company.token(this.company.owner), "/api/v1/customers/transfer",
				Map.of("customerIds", List.of(mine), "newOwnerId", this.company.colleague.id()));
		assertThat(rep.status()).as(rep.toString()).isEqualTo(403);
		long readOnly = this.company.customerOf(this.company.owner);
		this.api.put(this.company.token(this.company.owner),
				"/api/v1/customers/" + readOnly + "/members/" + this.company.outsider.id(), Map.of("access", "READ"));
		long outsiders = this.company.customerOf(this.company.outsider);
		Api.Response member = this.api.post(this.company.token(this.company.outsider), "/api/v1/customers/transfer",
				Map.of("customerIds", List.of(outsiders, readOnly), "newOwnerId", this.company.outsider.id()));
		assertThat(member.status()).as("a READ member may not move it: " + member).isEqualTo(403);
		assertThat(member.text("message")).contains("not change");
		assertThat(this.api
			.post(this.manager, "/api/v1/customers/transfer",
					Map.of("customerIds", List.of(), "newOwnerId", this.company.colleague.id()))
			.status()).isEqualTo(400);
		assertThat(ownerChangeKinds(mine)).containsExactly("CREATED");
		assertThat(ownerChangeKinds(readOnly)).containsExactly("CREATED");
	}

	private Api.Response transfer(long id, Employee to, Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>(fields);
		body.put("newOwnerId", to.id());
		return this.api.post(this.manager, "/api/v1/customers/" + id + "/transfer", body);
	}

	private Api.Response bulk(List<Long> ids, Employee to, Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>(fields);
		body.put("customerIds", ids);
		body.put("newOwnerId", to.id());
		return this.api.post(this.manager, "/api/v1/customers/transfer", body);
	}

	private Map<String, Object> lastOwnerChange(long id) {
		return this.jdbc.sql("""
				select old_owner_id, new_owner_id, changed_by, kind, reason from customer_owner_history
				where customer_id = ? order by id desc limit 1""").param(id).query().singleRow();
	}

	private List<String> ownerChangeKinds(long id) {
		return this.jdbc.sql("select kind from customer_owner_history where customer_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
	}

	private List<String> revisionChanges(long id) {
		return this.jdbc.sql("select change from customer_revision where customer_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
	}

	private List<String> auditActions(long id) {
		return this.jdbc.sql("select action from audit_event where target_type = 'customer' and target_id = ?")
			.param(String.valueOf(id))
			.query(String.class)
			.list();
	}

	/** Owner, version, ownership history and team of a customer, as one string. */
	private String state(long id) {
		return this.jdbc.sql("""
				select c.owner_id || '|' || c.version
				       || '|' || (select count(*) from customer_owner_history where customer_id = c.id)
				       || '|' || (select count(*) from customer_revision where customer_id = c.id)
				       || '|' || (select count(*) from customer_member where customer_id = c.id and removed_at is null)
				from customer c where c.id = ?""").param(id).query(String.class).single();
	}

}
