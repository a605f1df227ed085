package dev.holdfast.customer;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.CustomerWithHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker with a SALES account tries every path to a full phone number of their own
 * customer: lists, searches, detail, contacts, history, follow-ups, the pages, and the
 * error answers of failed updates. Only a reveal gives it, within the daily quota.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactMaskingIntegrationTests {

	private static final String EMAIL = "lina@example.cn";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private Company company;

	private CustomerWithHistory known;

	private String rep;

	private String phone;

	private String masked;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华南区", "深圳销售一组", "华北区");
		this.known = this.company.data.customerWithHistory(this.company.owner);
		this.rep = this.company.token(this.company.owner);
		this.phone = this.known.contactPhone();
		this.masked = this.phone.substring(0, 3) + "****" + this.phone.substring(7);
	}

	private String customer() {
		return "/api/v1/customers/" + this.known.id();
	}

	@Test
	void noApiPathGivesASalesRepTheFullPhoneNumberOrEmail() {
		String name = this.api.get(this.rep, customer()).text("name");
		List<String> answers = List.of(this.api.get(this.rep, "/api/v1/customers").raw(),
				this.api.get(this.rep, "/api/v1/customers?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).raw(),
				this.api.get(this.rep, "/api/v1/customers?q=" + this.phone).raw(),
				this.api.get(this.rep, customer()).raw(), this.api.get(this.rep, customer() + "/contacts").raw(),
				this.api.get(this.rep, customer() + "/history").raw(),
				this.api.get(this.rep, customer() + "/follow-ups").raw());
		assertThat(answers).allSatisfy(this::showsNoContactDetail);
		Api.Response contacts = this.api.get(this.rep, customer() + "/contacts");
		assertThat(contacts.body().get(0).get("phone").asString()).isEqualTo(this.masked);
		assertThat(contacts.body().get(0).get("email").asString()).isEqualTo("l***@example.cn");
		assertThat(contacts.body().get(0).get("policies").get("phone").asString()).isEqualTo("MASKED");
		assertThat(this.api.get(this.rep, customer() + "/history").raw()).contains(this.masked);
		for (String insider : List.of(this.company.data.adminToken(), this.company.token(this.company.manager))) {
			Api.Response seen = this.api.get(insider, customer() + "/contacts");
			assertThat(seen.body().get(0).get("phone").asString()).as("administrators and managers too")
				.isEqualTo(this.masked);
			showsNoContactDetail(seen.raw());
		}
		assertThat(this.api.get(this.rep, "/api/v1/customers?q=" + this.phone).raw())
			.contains(String.valueOf(this.known.id()));
		// exports: a rep may not export at all; a manager's export of contacts is masked
		Map<String, Object> contactsExport = Map.of("entity", "contacts", "format", "CSV", "filter", Map.of("q", name));
		assertThat(this.api.post(this.rep, "/api/v1/exports", contactsExport).status()).isEqualTo(403);
		String manager = this.company.token(this.company.manager);
		Api.Response export = this.api.post(manager, "/api/v1/exports", contactsExport);
		assertThat(export.text("status")).as(export.toString()).isEqualTo("READY");
		String file = this.api.get(manager, "/api/v1/exports/" + export.id() + "/file").raw();
		assertThat(file).contains(this.masked);
		showsNoContactDetail(file);
	}

	@Test
	void failedAndSuccessfulUpdatesEchoNoValueAndAMaskedValueSentBackChangesNothing() {
		String contact = "/api/v1/contacts/" + this.known.contactId();
		long version = this.api.get(this.rep, customer() + "/contacts").body().get(0).get("version").asLong();
		Api.Response invalid = this.api.patch(this.rep, contact,
				Map.of("phone", this.phone + "0", "email", "not an e-mail", "version", version));
		assertThat(invalid.status()).isEqualTo(400);
		showsNoContactDetail(invalid.raw());
		long other = this.company.customerOf(this.company.owner);
		String otherPhone = TestData.uniqueMobile();
		TestData.created(this.api.post(this.rep, "/api/v1/customers/" + other + "/contacts",
				Map.of("name", "赵敏", "phone", otherPhone)));
		Api.Response duplicate = this.api.patch(this.rep, contact, Map.of("phone", otherPhone, "version", version));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.raw()).doesNotContain(otherPhone).doesNotContain(this.phone);

		Api.Response saved = this.api.patch(this.rep, contact, Map.of("name", "李娜", "title", "采购总监", "phone",
				this.masked, "email", "l***@example.cn", "version", version));
		assertThat(saved.status()).isEqualTo(200);
		showsNoContactDetail(saved.raw());
		assertThat(reveal(this.rep, this.known.contactId(), "phone").body().get("value").asString())
			.isEqualTo(this.phone);
		assertThat(reveal(this.rep, this.known.contactId(), "email").body().get("value").asString()).isEqualTo(EMAIL);
	}

	@Test
	void noPageShowsTheFullPhoneNumberAndTheRevealButtonDoes() {
		WebSession session = new WebSession(this.port);
		session.logIn(this.company.owner.username(), TestData.PASSWORD);
		String page = "/customers/" + this.known.id();
		HttpResponse<String> customerPage = session.get(page);
		assertThat(customerPage.statusCode()).isEqualTo(200);
		assertThat(customerPage.body()).contains(this.masked).contains("masked-phone").contains("/reveal?field=phone");
		for (String path : List.of(page, page + "/contacts/" + this.known.contactId(), page + "/history",
				page + "/follow-ups", "/customers", "/customers?q=" + this.masked.substring(0, 3))) {
			HttpResponse<String> response = session.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			showsNoContactDetail(response.body());
		}
		// the search box shows what the attacker typed, and the list only which customer
		// has it
		HttpResponse<String> byPhone = session.get("/customers?q=" + this.phone);
		assertThat(byPhone.body()).contains("/customers/" + this.known.id())
			.doesNotContain(this.masked)
			.doesNotContain(EMAIL);
		String csrf = WebSession.csrfToken(customerPage);
		HttpResponse<String> failed = session.post(page + "/contacts/" + this.known.contactId(),
				Map.of("name", "", "phone", this.masked, "version", "0", "_csrf", csrf));
		assertThat(failed.statusCode()).isEqualTo(422);
		showsNoContactDetail(failed.body());

		HttpResponse<String> revealed = session.post(page + "/contacts/" + this.known.contactId() + "/reveal",
				Map.of("field", "phone", "_csrf", csrf));
		assertThat(revealed.statusCode()).isEqualTo(200);
		assertThat(revealed.body()).contains("tel:" + this.phone);
	}

	@Test
	void revealsStopAtTheDailyQuotaAndEachIsAudited() {
		Employee rep = this.company.data.employee("rep", this.company.team, this.company.manager.id(), "SALES");
		String token = this.company.token(rep);
		long customer = this.company.customerOf(rep);
		String number = TestData.uniqueMobile();
		long contact = TestData.created(this.api.post(token, "/api/v1/customers/" + customer + "/contacts",
				Map.of("name", "周强", "phone", number, "wechat", "zhouqiang_88")));
		for (int i = 1; i <= 30; i++) {
			Api.Response response = reveal(token, contact, i % 2 == 0 ? "phone" : "wechat");
			assertThat(response.status()).as("reveal %d", i).isEqualTo(200);
			assertThat(response.body().get("remaining").asInt()).isEqualTo(30 - i);
		}
		Api.Response refused = reveal(token, contact, "phone");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body().get("remaining").asInt()).isZero();
		assertThat(refused.raw()).doesNotContain(number).doesNotContain("value");
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor_id = ? and action = 'CONTACT_REVEALED'")
			.param(rep.id())
			.query(Long.class)
			.single()).isEqualTo(30);
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor_id = ? and action = 'REVEAL_REFUSED'")
			.param(rep.id())
			.query(Long.class)
			.single()).as("the refusal itself is on record").isEqualTo(1);
		assertThat(this.jdbc.sql("select details from audit_event where actor_id = ? and action = 'CONTACT_REVEALED'")
			.param(rep.id())
			.query(String.class)
			.list()).allSatisfy(details -> assertThat(details).doesNotContain(number).doesNotContain("zhouqiang"));
	}

	@Test
	void aRoleQuotaOverridesTheDefault() {
		String role = customRole();
		this.jdbc.sql("insert into role_reveal_quota (role_id, daily_quota) select id, 2 from role where code = ?")
			.param(role)
			.update();
		Employee rep = this.company.data.employee("rep", this.company.team, null, role);
		String token = this.company.token(rep);
		long customer = this.company.customerOf(rep);
		long contact = TestData.created(this.api.post(token, "/api/v1/customers/" + customer + "/contacts",
				Map.of("name", "吴刚", "phone", TestData.uniqueMobile())));
		assertThat(reveal(token, contact, "phone").status()).isEqualTo(200);
		assertThat(reveal(token, contact, "phone").body().get("remaining").asInt()).isZero();
		assertThat(reveal(token, contact, "phone").status()).isEqualTo(429);
	}

	/**
	 * Issue 12, item 7: the page's reveal has no catch of its own: a used-up quota comes
	 * back through the web error advice in place of the value (200, so htmx swaps it in),
	 * in the reader's language, without the number, and on record.
	 */
	@Test
	void aUsedUpQuotaOnThePageSaysSoInPlaceOfTheValue() {
		String role = customRole();
		this.jdbc.sql("insert into role_reveal_quota (role_id, daily_quota) select id, 1 from role where code = ?")
			.param(role)
			.update();
		Employee rep = this.company.data.employee("rep", this.company.team, null, role);
		String token = this.company.token(rep);
		long customer = this.company.customerOf(rep);
		String number = TestData.uniqueMobile();
		long contact = TestData.created(this.api.post(token, "/api/v1/customers/" + customer + "/contacts",
				Map.of("name", "郑洁", "phone", number)));
		assertThat(reveal(token, contact, "phone").status()).isEqualTo(200);
		WebSession session = new WebSession(this.port);
		session.logIn(rep.username(), TestData.PASSWORD);
		String csrf = WebSession.csrfToken(session.get("/customers/" + customer + "?lang=zh_CN"));

		HttpResponse<String> refused = session.post("/customers/" + customer + "/contacts/" + contact + "/reveal",
				Map.of("field", "phone", "_csrf", csrf));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("今天的查看次数已用完").doesNotContain(number).doesNotContain("tel:");
		session.get("/customers/" + customer + "?lang=en");
		assertThat(session
			.post("/customers/" + customer + "/contacts/" + contact + "/reveal",
					Map.of("field", "phone", "_csrf", csrf))
			.body()).contains("reveal quota is used up").doesNotContain(number);
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor_id = ? and action = 'REVEAL_REFUSED'")
			.param(rep.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void concurrentRevealsNeverGoPastTheQuota() throws Exception {
		String role = customRole();
		this.jdbc.sql("insert into role_reveal_quota (role_id, daily_quota) select id, 3 from role where code = ?")
			.param(role)
			.update();
		Employee rep = this.company.data.employee("rep", this.company.team, null, role);
		String token = this.company.token(rep);
		long customer = this.company.customerOf(rep);
		long contact = TestData.created(this.api.post(token, "/api/v1/customers/" + customer + "/contacts",
				Map.of("name", "孙悦", "phone", TestData.uniqueMobile())));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				statuses.add(pool.submit(() -> reveal(token, contact, "phone").status()));
			}
			List<Integer> answers = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				answers.add(status.get(60, TimeUnit.SECONDS));
			}
			assertThat(answers).filteredOn(status -> status == 200).hasSize(3);
			assertThat(answers).filteredOn(status -> status == 429).hasSize(5);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from contact_reveal where employee_id = ?")
			.param(rep.id())
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void anEmployeeServingNoticeIsRefused() {
		Employee rep = this.company.data.employee("rep", this.company.team, this.company.manager.id(), "SALES");
		String token = this.company.token(rep);
		long customer = this.company.customerOf(rep);
		long contact = TestData.created(this.api.post(token, "/api/v1/customers/" + customer + "/contacts",
				Map.of("name", "郑洁", "phone", TestData.uniqueMobile())));
		assertThat(this.api
			.post(this.company.data.adminToken(), "/api/v1/employees/" + rep.id() + "/resignation", Map.of("noticeDate",
					TestData.today().toString(), "lastWorkingDay", TestData.today().plusDays(20).toString()))
			.status()).isEqualTo(201);
		Api.Response refused = reveal(token, contact, "phone");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("error").asString()).isEqualTo("notice_period");
		assertThat(refused.raw()).doesNotContain("value");
	}

	@Test
	void customerServiceSeesInFullWhereItIsATeamMemberAndNothingElsewhere() {
		Employee member = this.company.data.employee("svc", this.company.team, null, "SERVICE");
		Employee other = this.company.data.employee("svc", this.company.team, null, "SERVICE");
		long customer = this.company.customerOf(this.company.owner);
		String number = TestData.uniqueMobile();
		TestData.created(this.api.post(this.rep, "/api/v1/customers/" + customer + "/contacts",
				Map.of("name", "陈静", "phone", number, "email", "chenjing@example.cn")));
		assertThat(this.api
			.put(this.rep, "/api/v1/customers/" + customer + "/members/" + member.id(), Map.of("access", "READ"))
			.status()).isEqualTo(200);
		Api.Response full = this.api.get(this.company.token(member), "/api/v1/customers/" + customer + "/contacts");
		assertThat(full.body().get(0).get("phone").asString()).isEqualTo(number);
		assertThat(full.body().get(0).get("email").asString()).isEqualTo("chenjing@example.cn");
		assertThat(full.body().get(0).get("policies").get("phone").asString()).isEqualTo("FULL");
		Api.Response none = this.api.get(this.company.token(other), "/api/v1/customers/" + customer + "/contacts");
		assertThat(none.status()).isEqualTo(404);
		assertThat(none.raw()).doesNotContain(number);
	}

	@Test
	void aHiddenFieldIsNullAndCannotBeRevealed() {
		String role = customRole();
		this.jdbc.sql("""
				insert into role_field_policy (role_id, field, policy)
				select id, 'phone', 'HIDDEN' from role where code = ?""").param(role).update();
		Employee member = this.company.data.employee("rep", this.company.team, null, role);
		long customer = this.company.customerOf(this.company.owner);
		String number = TestData.uniqueMobile();
		long contact = TestData.created(this.api.post(this.rep, "/api/v1/customers/" + customer + "/contacts",
				Map.of("name", "黄磊", "phone", number, "email", "huanglei@example.cn")));
		assertThat(this.api
			.put(this.rep, "/api/v1/customers/" + customer + "/members/" + member.id(), Map.of("access", "READ"))
			.status()).isEqualTo(200);
		Api.Response contacts = this.api.get(this.company.token(member), "/api/v1/customers/" + customer + "/contacts");
		assertThat(contacts.body().get(0).get("phone").isNull()).isTrue();
		assertThat(contacts.body().get(0).get("policies").get("phone").asString()).isEqualTo("HIDDEN");
		assertThat(contacts.body().get(0).get("email").asString()).as("no row: masked").isEqualTo("h***@example.cn");
		assertThat(contacts.raw()).doesNotContain(number).doesNotContain(number.substring(7));
		Api.Response refused = reveal(this.company.token(member), contact, "phone");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.raw()).doesNotContain(number);
		assertThat(reveal(this.company.token(member), contact, "email").body().get("value").asString())
			.isEqualTo("huanglei@example.cn");
	}

	/** A new role that may reveal, with no field policies of its own. */
	private String customRole() {
		String code = TestData.unique("MASK_TEST_").toUpperCase(java.util.Locale.ROOT);
		Api.Response created = this.api.post(this.company.data.adminToken(), "/api/v1/roles", Map.of("code", code,
				"name", "脱敏测试", "dataScope", "SELF", "permissions", List.of("customer.create", "contact.reveal")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

	private Api.Response reveal(String token, long contact, String field) {
		return this.api.post(token, "/api/v1/contacts/" + contact + "/reveal", Map.of("field", field, "reason", "回电"));
	}

	private void showsNoContactDetail(String answer) {
		assertThat(answer).doesNotContain(this.phone)
			.doesNotContain("+86" + this.phone)
			.doesNotContain(this.phone.substring(0, 3) + " " + this.phone.substring(3, 7))
			.doesNotContain(EMAIL);
	}

}
