package dev.holdfast.customer;

import java.util.HashMap;
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
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.CustomerWithHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers and contacts through the API: creation, optimistic locking, archive, history
 * and restore, search, bad input and the audit events each leaves.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerManagementIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private Company company;

	private CustomerWithHistory known;

	private String rep;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华南区", "深圳销售一组", "华北区");
		this.known = this.company.data.customerWithHistory(this.company.owner);
		this.rep = this.company.token(this.company.owner);
	}

	private long newCustomer(String name) {
		return TestData.created(this.api.post(this.rep, "/api/v1/customers", TestData.customerFields(name)));
	}

	@Test
	void aNewCustomerBelongsToItsCreatorAndStartsAtVersionZero() {
		Api.Response created = this.api.post(this.rep, "/api/v1/customers",
				TestData.customerFields(TestData.unique("成都天府软件")));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("ownerId").asLong()).isEqualTo(this.company.owner.id());
		assertThat(created.body().get("version").asLong()).isZero();
	}

	@Test
	void aRepMayNotCreateACustomerForSomeoneElse() {
		Map<String, Object> body = TestData.customerFields(TestData.unique("南京金陵物流"));
		body.put("ownerId", this.company.colleague.id());
		assertThat(this.api.post(this.rep, "/api/v1/customers", body).status()).isEqualTo(403);
	}

	@Test
	void aStaleVersionIsAConflictAndChangesNothing() {
		long id = newCustomer(TestData.unique("武汉长江机械"));
		String path = "/api/v1/customers/" + id;
		assertThat(this.api.patch(this.rep, path, Map.of("level", "B", "version", 0)).status()).isEqualTo(200);
		Api.Response stale = this.api.patch(this.rep, path, Map.of("level", "D", "version", 0));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.text("error")).isEqualTo("stale_version");
		assertThat(this.api.get(this.rep, path).text("level")).isEqualTo("B");
	}

	@Test
	void archivingHidesFromTheListRefusesEditsAndKeepsEverything() {
		String manager = this.company.token(this.company.manager);
		String name = TestData.unique("西安古城文旅");
		long id = newCustomer(name);
		assertThat(this.api.post(this.rep, "/api/v1/customers/" + id + "/archive", Map.of()).status())
			.as("SALES has no archive permission")
			.isEqualTo(403);
		assertThat(this.api.post(manager, "/api/v1/customers/" + id + "/archive", Map.of()).status()).isEqualTo(200);
		assertThat(this.api.get(manager, "/api/v1/customers?q=" + enc(name)).body().get("total").asLong()).isZero();
		assertThat(this.api.get(manager, "/api/v1/customers?archived=true&q=" + enc(name)).body().get("total").asLong())
			.isEqualTo(1);
		assertThat(this.api.patch(manager, "/api/v1/customers/" + id, Map.of("level", "A", "version", 1)).status())
			.isEqualTo(409);
		assertThat(this.jdbc.sql("select count(*) from customer where id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void historyHoldsEveryVersionOfCustomerAndContactsAndAnAdministratorCanRestore() {
		long id = newCustomer(TestData.unique("青岛海风啤酒"));
		String path = "/api/v1/customers/" + id;
		this.api.patch(this.rep, path, Map.of("notes", "第一版备注", "version", 0));
		this.api.patch(this.rep, path, Map.of("notes", "第二版备注", "level", "B", "version", 1));
		long contact = TestData.created(
				this.api.post(this.rep, path + "/contacts", Map.of("name", "周杰", "phone", TestData.uniqueMobile())));
		this.api.patch(this.rep, "/api/v1/contacts/" + contact, Map.of("title", "采购经理", "version", 0));

		Api.Response history = this.api.get(this.rep, path + "/history");
		assertThat(history.status()).isEqualTo(200);
		List<String> changes = history.body()
			.valueStream()
			.map(r -> r.get("entity").asString() + ":" + r.get("change").asString())
			.toList();
		assertThat(changes).containsExactly("contact:UPDATED", "contact:CREATED", "customer:UPDATED",
				"customer:UPDATED", "customer:CREATED");
		long firstUpdate = history.body().get(3).get("id").asLong();

		assertThat(this.api.post(this.rep, path + "/history/" + firstUpdate + "/restore", Map.of()).status())
			.as("only administrators restore")
			.isEqualTo(403);
		Api.Response restored = this.api.post(this.company.data.adminToken(),
				path + "/history/" + firstUpdate + "/restore", Map.of());
		assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
		assertThat(restored.text("notes")).isEqualTo("第一版备注");
		assertThat(restored.text("level")).isEqualTo("A");
		assertThat(this.api.get(this.rep, path + "/history").body().get(0).get("change").asString())
			.isEqualTo("RESTORED");

		long contactCreated = history.body().get(1).get("id").asLong();
		Api.Response contactRestored = this.api.post(this.company.data.adminToken(),
				path + "/contact-history/" + contactCreated + "/restore", Map.of());
		assertThat(contactRestored.status()).isEqualTo(200);
		assertThat(contactRestored.text("title")).isNull();
	}

	@Test
	void restoringARevisionDoesNotHandTheCustomerBackToALeaver() {
		TestData.Employee leaver = this.company.data.employee("restleaver", this.company.team, null, "SALES");
		String admin = this.company.data.adminToken();
		long id = TestData.created(this.api.post(this.company.token(leaver), "/api/v1/customers",
				Map.of("name", TestData.unique("温州瓯江鞋业") + "有限公司", "kind", "COMPANY", "level", "B")));
		String path = "/api/v1/customers/" + id;
		Api.Response handed = this.api.patch(admin, path, Map.of("ownerId", this.company.owner.id(), "version", 0));
		assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
		long created = this.api.get(admin, path + "/history")
			.body()
			.valueStream()
			.filter(r -> "CREATED".equals(r.get("change").asString()))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		Api.Response resigned = this.api.post(admin, "/api/v1/employees/" + leaver.id() + "/resignation",
				Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay",
						TestData.today().plusDays(20).toString(), "reason", "个人原因", "managerId",
						this.company.owner.id()));
		assertThat(resigned.status()).as(resigned.toString()).isEqualTo(201);

		Api.Response restored = this.api.post(admin, path + "/history/" + created + "/restore", Map.of());

		assertThat(restored.status()).as("as for a transfer to someone serving notice: " + restored).isEqualTo(403);
		assertThat(restored.text("error")).isEqualTo("notice_period");
		assertThat(this.api.get(admin, path).body().get("ownerId").asLong()).isEqualTo(this.company.owner.id());
	}

	@Test
	void searchFindsTwoCharacterChineseNamesOneCharacterAndPhoneNumbersInAnyNotation() {
		String marker = TestData.unique("");
		long id = newCustomer("昆明" + marker + "滇池花卉");
		String phone = TestData.uniqueMobile();
		this.api.post(this.rep, "/api/v1/customers/" + id + "/contacts", Map.of("name", "孙丽", "phone", phone));
		assertThat(ids("滇池")).contains(id);
		assertThat(ids(marker + "滇")).containsExactly(id);
		assertThat(ids("池")).contains(id);
		assertThat(ids(phone)).containsExactly(id);
		assertThat(ids("+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7)))
			.containsExactly(id);
		assertThat(ids("100%")).doesNotContain(id);
	}

	@Test
	void pagingCountsTheWholeVisibleList() {
		Api.Response first = this.api.get(this.rep, "/api/v1/customers?size=2&page=0");
		long total = first.body().get("total").asLong();
		assertThat(total).isGreaterThanOrEqualTo(3);
		assertThat(first.body().get("items").size()).isEqualTo(2);
		Api.Response last = this.api.get(this.rep, "/api/v1/customers?size=2&page=" + ((total - 1) / 2));
		assertThat(last.body().get("items").size()).isEqualTo((int) (total - 2 * ((total - 1) / 2)));
		assertThat(this.api.get(this.rep, "/api/v1/customers?size=500").status()).isEqualTo(400);
		assertThat(this.api.get(this.rep, "/api/v1/customers?page=-1").status()).isEqualTo(400);
	}

	@Test
	void badInputIsRefusedFieldByFieldAndWritesNothing() {
		long before = customers();
		Map<String, Object> tooLong = TestData.customerFields("长".repeat(201));
		assertThat(fields(this.api.post(this.rep, "/api/v1/customers", tooLong))).containsKey("name");
		Map<String, Object> unknownKind = new HashMap<>(TestData.customerFields("某公司"));
		unknownKind.put("kind", "ALIEN");
		assertThat(fields(this.api.post(this.rep, "/api/v1/customers", unknownKind))).containsKey("kind");
		assertThat(fields(this.api.post(this.rep, "/api/v1/customers", Map.of("level", "A")))).containsKeys("name",
				"kind");
		Api.Response malformed = this.api.sendRaw(this.rep, "POST", "/api/v1/customers", "{\"name\": \"半个");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(this.api.get(this.rep, "/api/v1/customers?level=Z").status()).isEqualTo(400);
		assertThat(fields(this.api.post(this.rep, "/api/v1/customers", TestData.customerFields("空字符\u0000公司"))))
			.as("PostgreSQL can't store NUL: refused as input, not failed as an insert")
			.containsKey("name");
		assertThat(fields(this.api.get(this.rep, "/api/v1/customers?q=a%00b"))).containsKey("q");
		assertThat(customers()).isEqualTo(before);

		String contacts = "/api/v1/customers/" + this.known.id() + "/contacts";
		long contactsBefore = this.jdbc.sql("select count(*) from contact").query(Long.class).single();
		assertThat(fields(this.api.post(this.rep, contacts, Map.of("name", "钱多多", "phone", "12345"))))
			.containsKey("phone");
		assertThat(fields(this.api.post(this.rep, contacts, Map.of("name", "钱多多", "birthday", "1990/01/01"))))
			.containsKey("birthday");
		assertThat(fields(this.api.post(this.rep, contacts, Map.of("name", "钱多多", "email", "not-an-email"))))
			.containsKey("email");
		assertThat(this.jdbc.sql("select count(*) from contact").query(Long.class).single()).isEqualTo(contactsBefore);
	}

	/**
	 * One customer cannot hold the same phone twice, in any notation, by a new contact or
	 * by changing another's: 409 with the reason, and nothing written.
	 */
	@Test
	void aCustomerCannotGetTheSamePhoneTwice() {
		long id = newCustomer(TestData.unique("杭州西湖茶叶") + "有限公司");
		String contacts = "/api/v1/customers/" + id + "/contacts";
		String phone = TestData.uniqueMobile();
		assertThat(this.api.post(this.rep, contacts, Map.of("name", "王芳", "phone", phone)).status()).isEqualTo(201);
		String spaced = "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);

		Api.Response again = this.api.post(this.rep, contacts, Map.of("name", "王芳", "phone", spaced));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body().get("message").asString()).contains("already has a contact with this phone");
		Api.Response other = this.api.post(this.rep, contacts, Map.of("name", "李娜", "phone", TestData.uniqueMobile()));
		assertThat(other.status()).isEqualTo(201);
		Api.Response changed = this.api.patch(this.rep, "/api/v1/contacts/" + other.id(),
				Map.of("phone", phone, "version", other.body().get("version").asLong()));
		assertThat(changed.status()).isEqualTo(409);
		assertThat(this.jdbc.sql("select count(*) from contact where customer_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(2);
		Api.Response same = this.api.patch(this.rep, "/api/v1/contacts/" + other.id(),
				Map.of("title", "采购经理", "version", other.body().get("version").asLong()));
		assertThat(same.status()).as("a contact keeps its own phone").isEqualTo(200);
	}

	@Test
	void viewsAndListsAreAuditedWithoutContactDetails() {
		String phone = TestData.uniqueMobile();
		long id = newCustomer(TestData.unique("厦门鼓浪屿咖啡"));
		this.api.post(this.rep, "/api/v1/customers/" + id + "/contacts",
				Map.of("name", "林晓", "phone", phone, "email", "linxiao@example.cn"));
		this.api.get(this.rep, "/api/v1/customers/" + id);
		this.api.get(this.rep, "/api/v1/customers?q=" + phone);

		List<Map<String, Object>> events = this.jdbc.sql("""
				select action, target_id, details from audit_event where actor_id = ? order by id""")
			.param(this.company.owner.id())
			.query()
			.listOfRows();
		assertThat(events).anySatisfy(e -> {
			assertThat(e.get("action")).isEqualTo("CUSTOMER_VIEWED");
			assertThat(e.get("target_id")).isEqualTo(String.valueOf(id));
		});
		assertThat(events).anySatisfy(e -> {
			assertThat(e.get("action")).isEqualTo("CUSTOMERS_LISTED");
			assertThat((String) e.get("details")).contains("\"rows\":1");
		});
		assertThat(events).allSatisfy(e -> assertThat((String) e.get("details")).doesNotContain(phone)
			.doesNotContain(phone.substring(3))
			.doesNotContain("linxiao"));
	}

	private long customers() {
		return this.jdbc.sql("select count(*) from customer").query(Long.class).single();
	}

	private List<Long> ids(String q) {
		Api.Response response = this.api.get(this.rep, "/api/v1/customers?size=200&q=" + enc(q));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
	}

	private static Map<String, Object> fields(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		Map<String, Object> fields = new HashMap<>();
		response.body().get("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
		return fields;
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
