package dev.holdfast.customer;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer list's exact phone search as an oracle (insider attack, stop 23): a
 * director whose reveals for the day were used up guessed the four masked digits of
 * {@code 139****0044} through {@code GET /api/v1/customers?q=…}, 300 guesses in 48 s, for
 * free. A hit at a customer whose phones the searcher sees masked is now a reveal, and
 * none is answered once the quota is used up.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneSearchOracleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private Company company;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api, this.jdbc).company("西南区", "成都销售一组", "华中区");
	}

	private Api.Response search(Employee who, String phone) {
		return this.api.get(this.company.token(who), "/api/v1/customers?q=" + phone);
	}

	private long reveals(Employee who) {
		return this.jdbc.sql("select count(*) from contact_reveal where employee_id = ? and field = 'phone'")
			.param(who.id())
			.query(Long.class)
			.single();
	}

	@Test
	void aHitAtACustomerSeenMaskedCostsOneRevealOncePerDay() {
		Employee rep = this.company.data.employee("rep", this.company.team, this.company.manager.id(), "SALES");
		TestData.CustomerWithHistory known = this.company.data.customerWithHistory(rep);
		Api.Response found = search(rep, known.contactPhone());
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.body().get("items").get(0).get("id").asLong()).isEqualTo(known.id());
		assertThat(reveals(rep)).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'CONTACT_REVEALED' and actor_id = ?
				  and target_id = ?""").params(rep.id(), String.valueOf(known.contactId())).query(Long.class).single())
			.isEqualTo(1);
		search(rep, known.contactPhone());
		assertThat(reveals(rep)).as("the same contact again today costs nothing").isEqualTo(1);
		assertThat(search(rep, TestData.uniqueMobile()).body().get("total").asLong()).isZero();
		assertThat(reveals(rep)).as("a number that is nowhere costs nothing").isEqualTo(1);
	}

	@Test
	void onceTheRevealsAreUsedUpAHitIsAnsweredLikeAMiss() {
		Employee rep = this.company.data.employee("rep", this.company.team, this.company.manager.id(), "SALES");
		TestData.CustomerWithHistory other = this.company.data.customerWithHistory(rep);
		TestData.CustomerWithHistory guessed = this.company.data.customerWithHistory(rep);
		this.jdbc.sql("""
				insert into contact_reveal (employee_id, contact_id, field)
				select ?, ?, 'phone' from generate_series(1, 30)""").params(rep.id(), other.contactId()).update();
		Api.Response hit = search(rep, guessed.contactPhone());
		Api.Response miss = search(rep, TestData.uniqueMobile());
		assertThat(hit.status()).isEqualTo(200);
		assertThat(hit.body().get("items").size()).isZero();
		assertThat(hit.body().get("total").asLong()).isZero();
		assertThat(hit.body().get("total")).isEqualTo(miss.body().get("total"));
		assertThat(reveals(rep)).isEqualTo(30);
		// by name the customer is still there: only the number's answer is withheld
		Api.Response byName = this.api.get(this.company.token(rep), "/api/v1/customers?size=100");
		assertThat(byName.raw()).contains("\"id\":" + guessed.id());
	}

}
