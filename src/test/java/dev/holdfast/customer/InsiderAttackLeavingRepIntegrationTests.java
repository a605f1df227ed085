package dev.holdfast.customer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, holes 1 and 6 and the last bullet of 11, as the leaving rep played them: the
 * duplicate check as an oracle for full phone numbers (PATCHing his own contact with
 * candidate numbers, 17 a second, no quota, no 429, no risk indicator, and answers that
 * differ with the stored data), emptying his handover through the pool, and pointing key
 * contacts at other numbers without standing out.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiderAttackLeavingRepIntegrationTests {

	/**
	 * The documented default of {@code holdfast.customer.duplicates.refusals-per-day}.
	 */
	private static final int REFUSALS_PER_DAY = 20;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private TestData data;

	private long region;

	private Employee manager;

	/** Another region's rep, whose customers nobody in the region may see. */
	private Employee outsider;

	/** A number at another region's customer: the kind of number a leaver wants. */
	private String keyNumber;

	/** A number at another region's customer that sits in that region's pool. */
	private String poolNumber;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.region = this.data.department("华南区", null);
		this.manager = this.data.employee("mgr", this.region, null, "SALES_MANAGER");
		long elsewhere = this.data.department("西北区", null);
		Employee otherManager = this.data.employee("mgr", elsewhere, null, "SALES_MANAGER");
		this.outsider = this.data.employee("rep", elsewhere, otherManager.id(), "SALES");
		Api.Response pool = this.api.post(this.data.adminToken(), "/api/v1/pools",
				Map.of("name", TestData.unique("西北公海"), "departmentId", elsewhere));
		assertThat(pool.status()).as(pool.toString()).isEqualTo(201);
		String outsider = this.data.token(this.outsider);
		this.keyNumber = TestData.uniqueMobile();
		contact(outsider, customer(outsider, "A"), this.keyNumber);
		this.poolNumber = TestData.uniqueMobile();
		long pooled = customer(outsider, "C");
		contact(outsider, pooled, this.poolNumber);
		Api.Response returned = this.api.post(outsider, "/api/v1/customers/" + pooled + "/return-to-pool",
				Map.of("reason", "客户暂无需求"));
		assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
	}

	@Test
	void theLeavingRepCanNoLongerProbeNumbersThroughHisOwnContact() {
		Employee leaver = rep();
		String token = this.data.token(leaver);
		long customerId = customer(token, "B");
		long contactId = contact(token, customerId, TestData.uniqueMobile());
		long caseId = resign(leaver);
		long version = version(contactId);

		List<String> candidates = List.of(this.keyNumber, nearMiss(this.keyNumber), this.poolNumber,
				TestData.uniqueMobile());
		for (String candidate : candidates) {
			Api.Response probe = this.api.patch(token, "/api/v1/contacts/" + contactId,
					Map.of("phone", candidate, "version", version));
			assertThat(probe.status()).as(probe.toString()).isEqualTo(403);
			assertThat(probe.text("error")).isEqualTo("notice_period");
			assertThat(probe.raw()).doesNotContain("existingId").doesNotContain("duplicate");
		}
		Api.Response email = this.api.patch(token, "/api/v1/contacts/" + contactId,
				Map.of("email", "boss@client.example", "version", version));
		assertThat(email.text("error")).isEqualTo("notice_period");
		Api.Response added = this.api.post(token, "/api/v1/customers/" + customerId + "/contacts",
				Map.of("name", "王强", "phone", this.keyNumber));
		assertThat(added.status()).as("adding a contact with a number is the same probe").isEqualTo(403);
		assertThat(added.text("error")).isEqualTo("notice_period");
		Api.Response named = this.api.patch(token, "/api/v1/contacts/" + contactId,
				Map.of("title", "采购经理", "version", version));
		assertThat(named.status()).as("other contact work goes on during notice").isEqualTo(200);

		assertThat(count("select count(*) from audit_event where actor_id = ? and action = 'DUPLICATE_REFUSED'",
				leaver.id()))
			.isZero();
		assertThat(
				count("select count(*) from audit_event where actor_id = ? and action = 'ACCESS_DENIED'", leaver.id()))
			.isEqualTo(candidates.size() + 2);
		assertThat(caseId).isPositive();
	}

	@Test
	void aRepProbingNumbersGetsOneFixedAnswerUntilTheDailyBudgetEndsItAndStandsOut() {
		Employee prober = rep();
		String token = this.data.token(prober);
		long customerId = customer(token, "B");
		long contactId = contact(token, customerId, TestData.uniqueMobile());

		Set<String> bodies = new HashSet<>();
		for (int i = 0; i < REFUSALS_PER_DAY; i++) {
			String candidate = i % 2 == 0 ? this.keyNumber : this.poolNumber;
			Api.Response probe = i % 3 == 0
					? this.api.post(token, "/api/v1/customers/" + customerId + "/contacts",
							Map.of("name", "刘洋", "phone", candidate))
					: this.api.patch(token, "/api/v1/contacts/" + contactId,
							Map.of("phone", candidate, "version", version(contactId)));
			assertThat(probe.status()).as(probe.toString()).isEqualTo(409);
			bodies.add(probe.raw());
		}
		assertThat(bodies).as("one fixed answer for every hidden duplicate, pool or not").hasSize(1);
		String body = bodies.iterator().next();
		assertThat(body).contains("\"duplicate\"", "\"visible\":false")
			.doesNotContain("existingId", "inPool", "owner", "phone", "*")
			.doesNotContain(this.keyNumber.substring(7), this.poolNumber.substring(7));

		HttpResponse<String> exhausted = patch(token, contactId, this.keyNumber);
		assertThat(exhausted.statusCode()).isEqualTo(429);
		assertThat(exhausted.headers().firstValue("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 86_400L));
		HttpResponse<String> unknown = patch(token, contactId, TestData.uniqueMobile());
		assertThat(unknown.statusCode()).as("the 429 says nothing about whether a number exists").isEqualTo(429);
		assertThat(unknown.body()).isEqualTo(exhausted.body());
		assertThat(this.api
			.patch(token, "/api/v1/contacts/" + contactId, Map.of("title", "总经理", "version", version(contactId)))
			.status()).as("the rest of the work goes on").isEqualTo(200);

		assertThat(count("select count(*) from audit_event where actor_id = ? and action = 'DUPLICATE_REFUSED'",
				prober.id()))
			.isEqualTo(REFUSALS_PER_DAY);
		assertThat(count("""
				select count(*) from audit_event where actor_id = ? and action = 'RATE_LIMITED'
				and details like '%duplicate_check%'""", prober.id())).isEqualTo(2);
		assertThat(count("""
				select count(*) from audit_event where actor_id = ?
				and (details like ? or details like ?)""", prober.id(), "%" + this.keyNumber.substring(3) + "%",
				"%" + this.poolNumber.substring(3) + "%"))
			.as("audit events hold ids and facts, never the number")
			.isZero();

		JsonNode risk = evaluate(prober);
		assertThat(indicator(risk, "DUPLICATE_PROBES").get("observed").asDouble()).isEqualTo(REFUSALS_PER_DAY);
		assertThat(alerted(risk)).contains("DUPLICATE_PROBES");
		assertThat(risk.get("suspended").toString()).contains("contact.phone-email");
		Api.Response suspended = this.api.patch(token, "/api/v1/contacts/" + contactId,
				Map.of("phone", TestData.uniqueMobile(), "version", version(contactId)));
		assertThat(suspended.status()).as(suspended.toString()).isEqualTo(403);
		assertThat(suspended.text("error")).isEqualTo("risk_suspended");
	}

	@Test
	void aLeaverCannotEmptyHisHandoverThroughThePoolNorLetItFallDue() {
		Employee leaver = rep();
		String token = this.data.token(leaver);
		long customerId = customer(token, "B");
		Employee stays = rep();
		long control = customer(this.data.token(stays), "B");
		long caseId = resign(leaver);

		Api.Response returned = this.api.post(token, "/api/v1/customers/" + customerId + "/return-to-pool",
				Map.of("reason", "客户暂无需求"));
		assertThat(returned.status()).as(returned.toString()).isEqualTo(403);
		assertThat(returned.text("error")).isEqualTo("notice_period");
		Api.Response byManager = this.api.post(this.data.token(this.manager),
				"/api/v1/customers/" + customerId + "/return-to-pool", Map.of("reason", "整理客户"));
		assertThat(byManager.status()).as("nor does anyone else take it out of the handover").isEqualTo(403);

		assertThat(ownerOf(customerId)).isEqualTo(leaver.id());
		Api.Response plan = this.api.get(this.data.token(this.manager), "/api/v1/offboarding/" + caseId + "/plan");
		assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
		assertThat(plan.raw()).contains("\"customerId\":" + customerId);
		assertThat(count("select count(*) from pool_entry where customer_id = ? and left_at is null", customerId))
			.isZero();
		assertThat(count("select count(*) from pool_due where customer_id = ?", customerId))
			.as("the nightly job leaves a leaver's customers to the handover")
			.isZero();
		assertThat(count("select count(*) from pool_due where customer_id = ?", control))
			.as("the same customer of someone staying is due as ever")
			.isEqualTo(1);
	}

	@Test
	void pointingKeyContactsAtOtherNumbersRaisesTheRiskScore() {
		Employee keyRep = rep();
		Employee smallRep = rep();
		int changes = 8;
		List<Long> keyContacts = changePhones(keyRep, "A", changes);
		changePhones(smallRep, "C", changes);

		JsonNode key = evaluate(keyRep);
		JsonNode small = evaluate(smallRep);
		assertThat(indicator(key, "CONTACT_CHANGES").get("observed").asDouble()).as("A customers weigh 3")
			.isEqualTo(changes * 3);
		assertThat(indicator(small, "CONTACT_CHANGES").get("observed").asDouble()).isEqualTo(changes);
		assertThat(alerted(key)).contains("CONTACT_CHANGES");
		assertThat(alerted(small)).doesNotContain("CONTACT_CHANGES");
		assertThat(indicator(key, "CONTACT_CHANGES").get("score").asDouble())
			.isGreaterThan(indicator(small, "CONTACT_CHANGES").get("score").asDouble());

		long contactId = keyContacts.get(0);
		assertThat(
				count("select count(*) from contact_revision where contact_id = ? and sensitive_encrypted is not null",
						contactId))
			.as("every old number stays in the history, encrypted")
			.isEqualTo(1 + changes / keyContacts.size());
		assertThat(count("""
				select count(*) from audit_event where actor_id = ? and action = 'CONTACT_UPDATED'
				and details like '%"changed":["phone"]%' and details like '%"level":"A"%'""", keyRep.id()))
			.isEqualTo(changes);
	}

	/**
	 * Changes the phones of the rep's contacts at new customers of the level, in turns.
	 */
	private List<Long> changePhones(Employee rep, String level, int changes) {
		String token = this.data.token(rep);
		List<Long> contacts = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			contacts.add(contact(token, customer(token, level), TestData.uniqueMobile()));
		}
		for (int i = 0; i < changes; i++) {
			long contactId = contacts.get(i % contacts.size());
			Api.Response changed = this.api.patch(token, "/api/v1/contacts/" + contactId,
					Map.of("phone", TestData.uniqueMobile(), "version", version(contactId)));
			assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		}
		return contacts;
	}

	private Employee rep() {
		return this.data.employee("rep", this.region, this.manager.id(), "SALES");
	}

	private long customer(String token, String level) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", TestData.unique("东莞华强电子") + "有限公司");
		body.put("kind", "COMPANY");
		body.put("level", level);
		body.put("region", "广东省东莞市");
		return TestData.created(this.api.post(token, "/api/v1/customers", body));
	}

	private long contact(String token, long customerId, String phone) {
		return TestData.created(this.api.post(token, "/api/v1/customers/" + customerId + "/contacts",
				Map.of("name", "张伟", "phone", phone)));
	}

	private long resign(Employee employee) {
		Api.Response resignation = this.api.post(this.data.adminToken(),
				"/api/v1/employees/" + employee.id() + "/resignation", Map.of("noticeDate", TestData.today().toString(),
						"lastWorkingDay", TestData.today().plusDays(30).toString()));
		assertThat(resignation.status()).as(resignation.toString()).isEqualTo(201);
		return resignation.id();
	}

	private JsonNode evaluate(Employee employee) {
		Api.Response response = this.api.post(this.data.token(this.manager),
				"/api/v1/risk/employees/" + employee.id() + "/evaluate", null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private static JsonNode indicator(JsonNode risk, String name) {
		for (JsonNode indicator : risk.get("indicators")) {
			if (name.equals(indicator.get("indicator").asString())) {
				return indicator;
			}
		}
		throw new AssertionError("no indicator " + name + " in " + risk);
	}

	private static List<String> alerted(JsonNode risk) {
		List<String> indicators = new ArrayList<>();
		risk.get("alerts").forEach(alert -> indicators.add(alert.get("indicator").asString()));
		return indicators;
	}

	/** The same number but for its last digit: it fits the same masked pattern. */
	private static String nearMiss(String number) {
		char last = number.charAt(number.length() - 1);
		return number.substring(0, number.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
	}

	private long version(long contactId) {
		return this.jdbc.sql("select version from contact where id = ?").param(contactId).query(Long.class).single();
	}

	private Long ownerOf(long customerId) {
		return this.jdbc.sql("select owner_id from customer where id = ?")
			.param(customerId)
			.query((rs, row) -> rs.getObject(1, Long.class))
			.single();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/** A PATCH of the contact's phone, with the response's headers. */
	private HttpResponse<String> patch(String token, long contactId, String phone) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/contacts/" + contactId))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.method("PATCH",
					HttpRequest.BodyPublishers
						.ofString("{\"phone\":\"" + phone + "\",\"version\":" + version(contactId) + "}"))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
