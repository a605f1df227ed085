package dev.holdfast.customer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact data at rest: what a database dump shows (no phone, e-mail, WeChat or address
 * in any column of any table), the blind index behind search and the duplicate check, and
 * a tampered ciphertext failing closed.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptionAtRestIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private Company company;

	private String rep;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华南区", "深圳销售一组", "华北区");
		this.rep = this.company.token(this.company.owner);
	}

	@Test
	void aDumpOfEveryTableShowsNoPhoneEmailWechatOrAddress() {
		String address = "深圳市福田区" + TestData.unique("华强北路") + "号";
		Map<String, Object> customer = TestData.customerFields(TestData.unique("深圳加密测试") + "有限公司");
		customer.put("address", address);
		long customerId = TestData.created(this.api.post(this.rep, "/api/v1/customers", customer));
		String phone = TestData.uniqueMobile();
		String email = TestData.unique("wangfang") + "@example.cn";
		String wechat = TestData.unique("wx_wangfang");
		String contactAddress = "广东省广州市天河区" + TestData.unique("体育西路") + "号";
		long contactId = TestData.created(this.api.post(this.rep, "/api/v1/customers/" + customerId + "/contacts",
				Map.of("name", "王芳", "phone", phone, "email", email, "wechat", wechat, "address", contactAddress)));
		this.api.patch(this.rep, "/api/v1/contacts/" + contactId, Map.of("title", "财务总监", "version", 0));
		this.api.get(this.rep, "/api/v1/customers?q=" + phone);
		this.api.get(this.rep, "/api/v1/customers/" + customerId + "/history");

		List<String> secrets = List.of(phone, phone.substring(3), email, wechat, address, contactAddress);
		List<String> tables = this.jdbc
			.sql("select tablename from pg_tables where schemaname = current_schema() order by 1")
			.query(String.class)
			.list();
		assertThat(tables).contains("contact", "customer", "contact_revision", "customer_revision", "audit_event");
		for (String table : tables) {
			String dump = String.join("\n",
					this.jdbc.sql("select t::text from \"" + table + "\" t").query(String.class).list());
			for (String secret : secrets) {
				assertThat(dump).as(table + " holds " + secret).doesNotContain(secret).doesNotContain(hex(secret));
			}
		}
		Api.Response revealed = this.api.post(this.rep, "/api/v1/contacts/" + contactId + "/reveal",
				Map.of("field", "wechat", "reason", "核对微信"));
		assertThat(revealed.text("value")).isEqualTo(wechat);
		assertThat(this.api.get(this.rep, "/api/v1/customers/" + customerId).text("address")).isEqualTo("深圳市****");
		assertThat(this.api
			.post(this.rep, "/api/v1/customers/" + customerId + "/reveal", Map.of("field", "address", "reason", "寄样品"))
			.text("value")).isEqualTo(address);
		assertThat(this.api
			.post(this.rep, "/api/v1/contacts/" + contactId + "/reveal", Map.of("field", "address", "reason", "寄合同"))
			.text("value")).isEqualTo(contactAddress);
	}

	@Test
	void exactSearchByPhoneOrEmailAndTheDuplicateCheckUseTheBlindIndex() {
		long customerId = this.company.customerOf(this.company.owner);
		String phone = TestData.uniqueMobile();
		String email = TestData.unique("zhaolei") + "@example.cn";
		this.api.post(this.rep, "/api/v1/customers/" + customerId + "/contacts",
				Map.of("name", "赵磊", "phone", phone, "email", email));
		assertThat(ids(phone)).containsExactly(customerId);
		assertThat(ids("+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7)))
			.containsExactly(customerId);
		assertThat(ids(" " + email.toUpperCase() + " ")).containsExactly(customerId);
		assertThat(ids(phone.substring(0, 10))).as("no partial match on encrypted data").isEmpty();

		long other = this.company.customerOf(this.company.owner);
		Api.Response duplicate = this.api.post(this.rep, "/api/v1/customers/" + other + "/contacts",
				Map.of("name", "赵磊", "phone", "+86" + phone));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.text("error")).isEqualTo("duplicate");
		assertThat(duplicate.body().get("existingId").asLong()).isEqualTo(customerId);
	}

	@Test
	void aTamperedCiphertextFailsClosedWithoutStackTraceOrWrongData() {
		long customerId = this.company.customerOf(this.company.owner);
		String phone = TestData.uniqueMobile();
		long contactId = TestData.created(this.api.post(this.rep, "/api/v1/customers/" + customerId + "/contacts",
				Map.of("name", "钱伟", "phone", phone, "email", "qianwei@example.cn")));
		// one flipped bit in the ciphertext
		this.jdbc
			.sql("update contact set phone_encrypted = overlay(phone_encrypted placing"
					+ " set_byte(substring(phone_encrypted from 20 for 1), 0,"
					+ " get_byte(substring(phone_encrypted from 20 for 1), 0) # 1) from 20 for 1) where id = ?")
			.param(contactId)
			.update();

		Api.Response contacts = this.api.get(this.rep, "/api/v1/customers/" + customerId + "/contacts");
		assertThat(contacts.status()).isEqualTo(409);
		assertThat(contacts.text("error")).isEqualTo("unreadable_data");
		assertThat(contacts.raw()).doesNotContain(phone.substring(3))
			.doesNotContain("Exception")
			.doesNotContain("at dev.");
		Api.Response reveal = this.api.post(this.rep, "/api/v1/contacts/" + contactId + "/reveal",
				Map.of("field", "phone", "reason", "回电"));
		assertThat(reveal.status()).isEqualTo(409);
		assertThat(reveal.text("error")).isEqualTo("unreadable_data");

		WebSession session = new WebSession(this.port);
		session.logIn(this.company.owner.username(), TestData.PASSWORD);
		HttpResponse<String> page = session.get("/customers/" + customerId);
		assertThat(page.statusCode()).isEqualTo(409);
		assertThat(page.body()).doesNotContain("Exception")
			.doesNotContain("at dev.")
			.doesNotContain(phone.substring(3));
		// every failed read is in the audit trail, in a transaction of its own: table,
		// column and row, no value
		List<Map<String, Object>> events = this.jdbc
			.sql("select target_type, target_id, details from audit_event where action = 'UNREADABLE_DATA'"
					+ " and target_id = ? order by id")
			.param(String.valueOf(contactId))
			.query()
			.listOfRows();
		assertThat(events).hasSize(3).allSatisfy(event -> {
			assertThat(event.get("target_type")).isEqualTo("contact");
			assertThat((String) event.get("details")).contains("phone_encrypted").doesNotContain(phone.substring(3));
		});
	}

	@Test
	void aCiphertextMovedToAnotherColumnDoesNotDecrypt() {
		long customerId = this.company.customerOf(this.company.owner);
		long contactId = TestData.created(this.api.post(this.rep, "/api/v1/customers/" + customerId + "/contacts",
				Map.of("name", "孙敏", "phone", TestData.uniqueMobile())));
		this.jdbc.sql("update contact set email_encrypted = phone_encrypted where id = ?").param(contactId).update();
		Api.Response reveal = this.api.post(this.rep, "/api/v1/contacts/" + contactId + "/reveal",
				Map.of("field", "email", "reason", "发邮件"));
		assertThat(reveal.status()).isEqualTo(409);
		assertThat(reveal.text("error")).isEqualTo("unreadable_data");
	}

	private List<Long> ids(String q) {
		Api.Response list = this.api.get(this.rep,
				"/api/v1/customers?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(list.status()).isEqualTo(200);
		return list.body().get("items").valueStream().map(item -> item.get("id").asLong()).toList();
	}

	private static String hex(String text) {
		return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
	}

}
