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
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pickers of whom a customer can go to list the whole company: in a company of more
 * than a page (200) of employees, the one who joined last is offered as owner, team
 * member, successor and manager. They used to take the first page and filter it.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyWidePickersIntegrationTests {

	private static final int MORE_THAN_A_PAGE = 210;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Company company;

	private Employee newcomer;

	@BeforeAll
	void setUp() {
		this.company = TestData.given(new Api(this.port)).company("华东区", "杭州销售二组", "西南区");
		long employees = this.jdbc.sql("select count(*) from employee").query(Long.class).single();
		for (long i = employees; i < MORE_THAN_A_PAGE; i++) {
			// colleagues who only fill the list: they cannot log in and own nothing
			this.jdbc.sql("insert into employee (username, display_name) values (?, ?)")
				.param(TestData.unique("filler"))
				.param("一号同事" + i)
				.update();
		}
		this.newcomer = this.company.data.employee("newcomer", this.company.team, this.company.manager.id(), "SALES");
	}

	@Test
	void theOwnerAndTeamPickersOfferTheNewcomer() {
		long customer = this.company.customerOf(this.company.owner);
		WebSession manager = logIn(this.company.manager);
		String offered = "value=\"" + this.newcomer.id() + "\"";
		assertThat(manager.get("/customers/" + customer + "/transfer").body()).as("transfer").contains(offered);
		assertThat(manager.get("/customers/" + customer).body()).as("team member").contains(offered);
	}

	@Test
	void theResignationFormOffersTheNewcomerAsSuccessorAndTheEmployeeFormAsManager() {
		WebSession hr = logIn(this.company.hr());
		String offered = "value=\"" + this.newcomer.id() + "\"";
		assertThat(hr.get("/admin/employees/" + this.company.colleague.id() + "/resignation").body()).as("successor")
			.contains(offered);
		WebSession admin = new WebSession(this.port);
		admin.logIn("admin", TestData.ADMIN_PASSWORD);
		assertThat(admin.get("/admin/employees/new").body()).as("manager").contains(offered);
	}

	private WebSession logIn(Employee employee) {
		WebSession session = new WebSession(this.port);
		session.logIn(employee.username(), TestData.PASSWORD);
		return session;
	}

}
