package dev.holdfast.offboarding;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager parks a rep's key customers in a rotation dated in the year 999999999 (or ten
 * years ahead): the customers would sit in an open plan for good, out of any other
 * manager's rotation. Refused field by field, nothing stored; a year ahead is the limit.
 */
@HoldfastIntegrationTest
class RotationDateInsiderIntegrationTests {

	private static final String ROTATIONS = "/api/v1/rotations";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRotationDayMoreThanAYearAheadIsRefusedAndStoresNothing() {
		Api api = new Api(this.port);
		TestData data = TestData.given(api, this.jdbc);
		Company company = data.company("华中区", "武汉销售一组", "西北区");
		Employee giver = company.rep();
		Employee taker = company.rep();
		long customer = company.customerOf(giver, "A");
		String token = company.token(company.manager);
		for (String day : List.of("+999999999-12-31", "9999-12-31", TestData.today().plusYears(10).toString(),
				TestData.today().plusYears(1).plusDays(1).toString())) {
			Api.Response refused = api.post(token, ROTATIONS, plan(giver, taker, day, customer));
			assertThat(refused.status()).as(day + ": " + refused).isEqualTo(400);
			assertThat(refused.raw()).contains("\"rotateOn\"");
		}
		assertThat(this.jdbc.sql("select count(*) from rotation_item where customer_id = ?")
			.param(customer)
			.query(Long.class)
			.single()).isZero();
		Api.Response planned = api.post(token, ROTATIONS,
				plan(giver, taker, TestData.today().plusYears(1).toString(), customer));
		assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
		assertThat(planned.text("status")).isEqualTo("PLANNED");
	}

	private static Map<String, Object> plan(Employee from, Employee to, String day, long customer) {
		return Map.of("fromEmployeeId", from.id(), "toEmployeeId", to.id(), "rotateOn", day, "customers",
				List.of(Map.of("customerId", customer, "note", "王总负责采购，月底前需报价")));
	}

}
