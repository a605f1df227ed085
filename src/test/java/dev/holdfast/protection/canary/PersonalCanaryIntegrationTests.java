package dev.holdfast.protection.canary;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import dev.holdfast.customer.CustomerExportRows;
import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.customer.CustomerSummary;
import dev.holdfast.customer.Portfolios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal canary customers: planted for one salesperson, they show in that person's
 * list, search, count and detail, and nowhere else: not to a colleague, the manager or an
 * administrator, not in totals, exports of others, portfolios (handover plans, least
 * loaded colleague), duplicate checks. A leak of one names the salesperson, and so does a
 * hit from outside or a reveal by the salesperson, as a risk alert.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalCanaryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerExportRows exportRows;

	@Autowired
	Portfolios portfolios;

	private Api api;

	private TestData data;

	private long team;

	private Employee manager;

	private Employee rep;

	private Employee colleague;

	private long realCustomer;

	private long canary;

	private String canaryName;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long region = this.data.department("华东区", null);
		long team = this.data.department("杭州销售二组", region);
		this.team = team;
		this.manager = this.data.employee("mgr", region, null, "SALES_MANAGER");
		this.rep = this.data.employee("rep", team, this.manager.id(), "SALES");
		this.colleague = this.data.employee("rep", team, this.manager.id(), "SALES");
		this.realCustomer = create(this.rep, TestData.unique("杭州西湖电子") + "有限公司");
		create(this.colleague, TestData.unique("宁波港口物流") + "有限公司");
		Api.Response planted = this.api.post(this.data.adminToken(), "/api/v1/canaries/personal/" + this.rep.id(),
				Map.of());
		assertThat(planted.status()).as(planted.toString()).isEqualTo(201);
		this.canary = planted.body().get(0).get("customerId").asLong();
		this.canaryName = planted.body().get(0).get("customerName").asString();
	}

	@Test
	void onlyThoseWhoRunLeakTracingPlantCanariesAndOnlyForPeopleWhoWorkCustomers() {
		assertThat(this.api.post(token(this.manager), "/api/v1/canaries/personal/" + this.rep.id(), Map.of()).status())
			.isEqualTo(403);
		long hr = this.data.employee("hr", null, null, "HR").id();
		assertThat(this.api.post(this.data.adminToken(), "/api/v1/canaries/personal/" + hr, Map.of()).status())
			.isEqualTo(400);
	}

	@Test
	void theOwnerSeesTheCanaryLikeAnyOfTheirCustomers() {
		Api.Response list = this.api.get(token(this.rep), "/api/v1/customers");
		assertThat(ids(list)).contains(this.canary, this.realCustomer);
		assertThat(list.body().get("total").asLong()).isEqualTo(2);
		assertThat(ids(this.api.get(token(this.rep), "/api/v1/customers?q=" + encode(this.canaryName))))
			.containsExactly(this.canary);
		Api.Response detail = this.api.get(token(this.rep), "/api/v1/customers/" + this.canary);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body().get("ownerId").asLong()).isEqualTo(this.rep.id());
		assertThat(detail.body().get("editable").asBoolean()).isTrue();
		Api.Response contacts = this.api.get(token(this.rep), "/api/v1/customers/" + this.canary + "/contacts");
		assertThat(contacts.status()).isEqualTo(200);
		String phone = this.jdbc.sql("select phone_normalized from personal_canary where customer_id = ?")
			.param(this.canary)
			.query(String.class)
			.single();
		assertThat(contacts.body().get(0).get("phone").asString())
			.isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(exported(this.rep)).contains(this.canary);
	}

	@Test
	void nobodyElseMeetsTheCanaryAnywhere() {
		for (Employee other : List.of(this.colleague, this.manager)) {
			List<Long> seen = ids(this.api.get(token(other), "/api/v1/customers?size=100"));
			assertThat(seen).doesNotContain(this.canary);
			// the total counts exactly the customers listed: no canary behind them
			assertThat(total(other, "")).isEqualTo(seen.size());
			assertThat(total(other, "?q=" + encode(this.canaryName))).isZero();
			assertThat(this.api.get(token(other), "/api/v1/customers/" + this.canary).status()).isEqualTo(404);
			assertThat(this.api.get(token(other), "/api/v1/customers/" + this.canary + "/contacts").status())
				.isEqualTo(404);
			assertThat(exported(other)).doesNotContain(this.canary);
		}
		assertThat(ids(this.api.get(token(this.manager), "/api/v1/customers?size=100"))).contains(this.realCustomer);
		String admin = this.data.adminToken();
		assertThat(this.api.get(admin, "/api/v1/customers/" + this.canary).status()).isEqualTo(404);
		assertThat(this.api.get(admin, "/api/v1/customers?q=" + encode(this.canaryName)).body().get("total").asLong())
			.isZero();
		long real = this.jdbc.sql("select count(*) from customer where archived_at is null and canary_owner_id is null")
			.query(Long.class)
			.single();
		assertThat(this.api.get(admin, "/api/v1/customers").body().get("total").asLong()).isEqualTo(real);
		// what handover plans, transfers and the least-loaded colleague read
		assertThat(this.portfolios.ownedBy(this.rep.id(), 0, 1000)).extracting(Portfolios.Holding::customerId)
			.containsExactly(this.realCustomer);
		assertThat(this.portfolios.customerCounts(List.of(this.rep.id()))).containsEntry(this.rep.id(), 1L);
		assertThat(this.portfolios.describe(List.of(this.canary))).isEmpty();
	}

	@Test
	void aCanaryIsNeverSomeoneElsesDuplicate() {
		Api.Response sameName = this.api.post(token(this.colleague), "/api/v1/customers",
				Map.of("name", this.canaryName, "kind", "COMPANY", "level", "C"));
		assertThat(sameName.status()).as(sameName.toString()).isEqualTo(201);
		String phone = this.jdbc.sql("select phone_normalized from personal_canary where customer_id = ?")
			.param(this.canary)
			.query(String.class)
			.single();
		Api.Response samePhone = this.api.post(token(this.colleague),
				"/api/v1/customers/" + sameName.id() + "/contacts", Map.of("name", "周杰", "phone", phone));
		assertThat(samePhone.status()).as(samePhone.toString()).isNotEqualTo(409);
	}

	@Test
	void aCanaryIsNeverGivenAnOwner() {
		long chengdu = this.data.department("成都销售部", null);
		Employee lead = this.data.employee("mgr", chengdu, null, "SALES_MANAGER");
		Employee member = this.data.employee("rep", chengdu, lead.id(), "SALES");
		long canary = plant(lead);
		Api.Response detail = this.api.get(token(lead), "/api/v1/customers/" + canary);
		assertThat(detail.body().get("ownerId").asLong()).isEqualTo(lead.id());
		Api.Response edited = this.api.patch(token(lead), "/api/v1/customers/" + canary,
				Map.of("ownerId", lead.id(), "industry", "电子", "version", detail.body().get("version").asLong()));
		assertThat(edited.status()).as("the shown owner sent back is no change").isEqualTo(200);
		Api.Response moved = this.api.post(token(lead), "/api/v1/customers/" + canary + "/transfer",
				Map.of("newOwnerId", member.id(), "oldOwnerAccess", "NONE", "reason", "调整"));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(409);
		assertThat(moved.text("error")).isEqualTo("not_transferable");
		assertThat(ids(this.api.get(token(member), "/api/v1/customers?size=100"))).doesNotContain(canary);
	}

	@Test
	void aLeakedCanaryNamesTheSalesperson() {
		String phone = this.jdbc.sql("select phone_normalized from personal_canary where customer_id = ?")
			.param(this.canary)
			.query(String.class)
			.single();
		List<String> pasted = new ArrayList<>();
		for (int i = 0; i < 19; i++) {
			pasted.add(String.format("1366%07d", 1234 + i * 37));
		}
		pasted.add(10, phone);
		Api.Response trace = traceText(String.join("\n", pasted));
		assertThat(trace.status()).as(trace.toString()).isEqualTo(200);
		assertThat(trace.body().get("employees").get(0).get("id").asLong()).isEqualTo(this.rep.id());
		assertThat(trace.body().get("personalCanaries").get(0).get("employeeId").asLong()).isEqualTo(this.rep.id());
	}

	@Test
	void aHitFromOutsideIsACriticalRiskAlertAboutTheSalesperson() {
		Employee watched = this.data.employee("rep", this.team, this.manager.id(), "SALES");
		long canary = plant(watched);
		String email = this.jdbc.sql("select email from personal_canary where customer_id = ?")
			.param(canary)
			.query(String.class)
			.single();
		Api.Response hit = this.api.post(this.data.adminToken(), "/api/v1/canary-hits",
				Map.of("email", email, "source", "竞争对手的营销邮件"));
		assertThat(hit.status()).as(hit.toString()).isEqualTo(201);
		assertThat(hit.body().get("employeeId").asLong()).isEqualTo(watched.id());
		// risk raises it on the CanaryHit event, after the hit committed
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(canaryAlerts(this.data.adminToken(), watched)).isEqualTo(1));
	}

	@Test
	void revealingOnesOwnCanaryIsASignal() {
		Employee curious = this.data.employee("rep", this.team, this.manager.id(), "SALES");
		long canary = plant(curious);
		long contact = this.api.get(token(curious), "/api/v1/customers/" + canary + "/contacts")
			.body()
			.get(0)
			.get("id")
			.asLong();
		Api.Response reveal = this.api.post(token(curious), "/api/v1/contacts/" + contact + "/reveal",
				Map.of("field", "phone", "reason", "回电"));
		assertThat(reveal.status()).as(reveal.toString()).isEqualTo(200);
		assertThat(reveal.text("value"))
			.isEqualTo(this.jdbc.sql("select phone_normalized from personal_canary where customer_id = ?")
				.param(canary)
				.query(String.class)
				.single());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(canaryAlerts(this.data.adminToken(), curious)).isEqualTo(1));
		// a real customer's reveal is no signal
		assertThat(canaryAlerts(this.data.adminToken(), this.rep)).isLessThanOrEqualTo(1);
	}

	private long canaryAlerts(String token, Employee employee) {
		Api.Response alerts = this.api.get(token, "/api/v1/risk/alerts");
		assertThat(alerts.status()).isEqualTo(200);
		return alerts.body()
			.valueStream()
			.filter(a -> a.get("employeeId").asLong() == employee.id()
					&& "CANARY_HIT".equals(a.get("indicator").asString()))
			.count();
	}

	private long plant(Employee employee) {
		Api.Response planted = this.api.post(this.data.adminToken(), "/api/v1/canaries/personal/" + employee.id(),
				Map.of());
		assertThat(planted.status()).as(planted.toString()).isEqualTo(201);
		return planted.body().get(0).get("customerId").asLong();
	}

	private List<Long> exported(Employee employee) {
		return this.exportRows.visibleTo(employee.id(), CustomerQuery.all(), 10_000)
			.stream()
			.map(CustomerSummary::id)
			.toList();
	}

	private long total(Employee employee, String query) {
		Api.Response list = this.api.get(token(employee), "/api/v1/customers" + query);
		assertThat(list.status()).isEqualTo(200);
		return list.body().get("total").asLong();
	}

	private long create(Employee owner, String name) {
		Api.Response created = this.api.post(token(owner), "/api/v1/customers",
				Map.of("name", name, "kind", "COMPANY", "level", "B", "address", "浙江省杭州市西湖区文三路90号"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private Api.Response traceText(String text) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/leak-trace"))
					.header("Authorization", "Bearer " + this.data.adminToken())
					.header("Content-Type", "text/plain;charset=UTF-8")
					.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Api.Response(response.statusCode(),
					tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()),
					response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String token(Employee employee) {
		return this.data.token(employee);
	}

	private static List<Long> ids(Api.Response list) {
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return list.body().get("items").valueStream().map(item -> item.get("id").asLong()).toList();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
