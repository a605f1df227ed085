package dev.holdfast.customer;

import java.net.http.HttpResponse;
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
import dev.holdfast.TestData.CustomerWithHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses are sensitive: a contact's address and a customer's are stored encrypted,
 * shown masked to sales (in views, answers and history), revealed one at a time against
 * the same daily quota with an audit event, and a masked address sent back unchanged
 * never overwrites the real one.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddressMaskingIntegrationTests {

	private static final String CONTACT_ADDRESS = "广东省深圳市福田区华强北路1002号赛格广场3楼";

	private static final String STREET = "华强北路1002号";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private Company company;

	private CustomerWithHistory known;

	private String rep;

	private long contactId;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华南区", "深圳销售一组", "华北区");
		this.known = this.company.data.customerWithHistory(this.company.owner);
		this.rep = this.company.token(this.company.owner);
		Api.Response created = this.api.post(this.rep, "/api/v1/customers/" + this.known.id() + "/contacts",
				Map.of("name", "陈静", "phone", TestData.uniqueMobile(), "address", CONTACT_ADDRESS));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.text("address")).isEqualTo("广东省深圳市****");
		this.contactId = created.id();
	}

	@Test
	void theContactAddressIsEncryptedAndMaskedEverywhere() {
		String stored = this.jdbc.sql("select encode(address_encrypted, 'escape') from contact where id = ?")
			.param(this.contactId)
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(STREET);
		assertThat(this.jdbc.sql("select count(*) from contact_revision where snapshot::text like ?")
			.param("%" + STREET + "%")
			.query(Long.class)
			.single()).isZero();
		List<String> answers = List.of(
				this.api.get(this.rep, "/api/v1/customers/" + this.known.id() + "/contacts").raw(),
				this.api.get(this.rep, "/api/v1/customers/" + this.known.id() + "/history").raw());
		assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(STREET).contains("广东省深圳市****"));
	}

	@Test
	void theContactAddressIsRevealedAuditedAndCounted() {
		long before = addressReveals();
		Api.Response reveal = this.api.post(this.rep, "/api/v1/contacts/" + this.contactId + "/reveal",
				Map.of("field", "address", "reason", "寄合同"));
		assertThat(reveal.status()).as(reveal.toString()).isEqualTo(200);
		assertThat(reveal.text("value")).isEqualTo(CONTACT_ADDRESS);
		assertThat(addressReveals()).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("select count(*) from audit_event where details like ?")
			.param("%" + STREET + "%")
			.query(Long.class)
			.single()).isZero();
	}

	private long customerReveals() {
		return this.jdbc.sql("select count(*) from audit_event where action = 'CUSTOMER_REVEALED' and target_id = ?")
			.param(String.valueOf(this.known.id()))
			.query(Long.class)
			.single();
	}

	private long addressReveals() {
		return this.jdbc.sql("""
				select count(*) from audit_event where action = 'CONTACT_REVEALED' and target_id = ?
				  and details like '%address%'""").param(String.valueOf(this.contactId)).query(Long.class).single();
	}

	@Test
	void aMaskedAddressSentBackDoesNotOverwriteIt() {
		Api.Response contact = this.api.get(this.rep, "/api/v1/customers/" + this.known.id() + "/contacts");
		long version = contact.body()
			.valueStream()
			.filter(c -> c.get("id").asLong() == this.contactId)
			.findFirst()
			.orElseThrow()
			.get("version")
			.asLong();
		Api.Response updated = this.api.patch(this.rep, "/api/v1/contacts/" + this.contactId,
				Map.of("address", "广东省深圳市****", "title", "采购总监", "version", version));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(this.api.post(this.rep, "/api/v1/contacts/" + this.contactId + "/reveal", Map.of("field", "address"))
			.text("value")).isEqualTo(CONTACT_ADDRESS);
	}

	@Test
	void customerServiceSeesTheAddressesOfTheCustomersItServesInFull() {
		TestData.Employee service = this.company.data.employee("svc", this.company.team, null, "SERVICE");
		Api.Response joined = this.api.put(this.rep,
				"/api/v1/customers/" + this.known.id() + "/members/" + service.id(), Map.of("access", "READ"));
		assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
		Api.Response detail = this.api.get(this.company.token(service), "/api/v1/customers/" + this.known.id());
		assertThat(detail.text("address")).isEqualTo("深圳市南山区科技园南路18号");
		assertThat(detail.text("addressPolicy")).isEqualTo("FULL");
		assertThat(
				this.api.get(this.company.token(service), "/api/v1/customers/" + this.known.id() + "/contacts").raw())
			.contains(CONTACT_ADDRESS);
	}

	@Test
	void theCustomerPageShowsBothAddressesMaskedWithARevealButton() {
		WebSession session = new WebSession(this.port);
		session.logIn(this.company.owner.username(), TestData.PASSWORD);
		HttpResponse<String> page = session.get("/customers/" + this.known.id());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("广东省深圳市****")
			.contains("深圳市****")
			.contains("id=\"reveal-address\"")
			.doesNotContain(STREET)
			.doesNotContain("科技园南路");
		HttpResponse<String> revealed = session.post("/customers/" + this.known.id() + "/reveal",
				Map.of("reason", "上门", "_csrf", WebSession.csrfToken(page)));
		assertThat(revealed.statusCode()).isEqualTo(200);
		assertThat(revealed.body()).contains("深圳市南山区科技园南路18号");
	}

	@Test
	void theCustomerAddressIsMaskedInDetailAndHistoryAndRevealedAgainstTheSameQuota() {
		String path = "/api/v1/customers/" + this.known.id();
		Api.Response detail = this.api.get(this.rep, path);
		assertThat(detail.text("address")).isEqualTo("深圳市****");
		assertThat(detail.text("addressPolicy")).isEqualTo("MASKED");
		assertThat(this.api.get(this.rep, path + "/history").raw()).doesNotContain("科技园南路");
		// the edit form sends the masked address back with another change
		Api.Response edited = this.api.patch(this.rep, path,
				Map.of("address", "深圳市****", "industry", "电子", "version", detail.body().get("version").asLong()));
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.raw()).doesNotContain("科技园南路");

		long before = customerReveals();
		Api.Response first = this.api.post(this.rep, path + "/reveal", Map.of("field", "address", "reason", "上门"));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.text("value")).isEqualTo("深圳市南山区科技园南路18号");
		Api.Response second = this.api.post(this.rep, "/api/v1/contacts/" + this.known.contactId() + "/reveal",
				Map.of("field", "phone"));
		assertThat(second.body().get("remaining").asInt()).isEqualTo(first.body().get("remaining").asInt() - 1);
		assertThat(customerReveals()).isEqualTo(before + 1);
		assertThat(this.api.post(this.rep, path + "/reveal", Map.of("field", "phone")).status()).isEqualTo(400);
		String outsider = this.company.token(this.company.outsider);
		assertThat(this.api.post(outsider, path + "/reveal", Map.of("field", "address")).status()).isEqualTo(404);
	}

}
