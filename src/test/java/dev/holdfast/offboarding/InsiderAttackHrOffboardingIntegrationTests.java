package dev.holdfast.offboarding;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HR clerk using the offboarding flow as a side door (found by an insider-attack run):
 * naming another region's rep or manager as the one who takes over a leaver's teams and
 * customers, planning the handover to them, resigning the administrators away, and ending
 * a leaver's notice to lift his restrictions. Each is refused and changes nothing.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiderAttackHrOffboardingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private TestData data;

	private String hr;

	private long east;

	private Employee eastManager;

	private Employee southRep;

	private Employee southManager;

	private long eastTeamId;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.east = this.data.department("华东区", null);
		this.eastTeamId = this.data.department("杭州销售一组", this.east);
		long south = this.data.department("华南区", null);
		this.eastManager = this.data.employee("hzmgr", this.east, null, "SALES_MANAGER");
		this.southManager = this.data.employee("gzmgr", south, null, "SALES_MANAGER");
		this.southRep = this.data.employee("gzrep", south, this.southManager.id(), "SALES");
		this.hr = this.data.token(this.data.employee("hzhr", this.east, null, "HR"));
	}

	@Test
	void hrCannotNameAnotherRegionToTakeOverALeaversTeams() {
		Employee leaver = this.data.employee("hzrep", this.eastTeamId, this.eastManager.id(), "SALES");
		customer(leaver, "杭州丝路贸易");
		for (Employee outsider : List.of(this.southRep, this.southManager)) {
			Api.Response refused = resign(this.hr, leaver, outsider.id());
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.body().get("fields").has("managerId")).as(refused.toString()).isTrue();
		}
		assertThat(status(leaver)).as("nothing changed").isEqualTo("ACTIVE");
		assertThat(teamsJoinedBy(this.southRep)).isZero();
		assertThat(teamsJoinedBy(this.southManager)).isZero();

		// his own manager, on the leaver's line, is accepted
		Api.Response recorded = resign(this.hr, leaver, this.eastManager.id());
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		Api.Response plan = this.api.patch(this.hr, "/api/v1/offboarding/" + recorded.id() + "/plan",
				List.of(Map.of("customerId", planned(recorded.id()), "newOwnerId", this.southRep.id())));
		assertThat(plan.status()).as(plan.toString()).isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from handover_item where case_id = ? and new_owner_id = ?")
			.params(recorded.id(), this.southRep.id())
			.query(Integer.class)
			.single()).as("the plan is unchanged").isZero();
	}

	@Test
	void hrCannotResignAnAdministratorAway() {
		Employee admin = this.data.employee("itadmin", this.east, null, "ADMIN");
		Api.Response refused = resign(this.hr, admin, this.eastManager.id());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(status(admin)).isEqualTo("ACTIVE");
		assertThat(this.jdbc.sql("select count(*) from offboarding_case where employee_id = ?")
			.param(admin.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void hrCannotEndALeaversNoticeToLiftHisRestrictions() {
		Employee leaver = this.data.employee("hzrep", this.eastTeamId, this.eastManager.id(), "SALES");
		assertThat(resign(this.hr, leaver, this.eastManager.id()).status()).isEqualTo(201);
		long version = this.api.get(this.hr, "/api/v1/employees/" + leaver.id()).body().get("version").asLong();
		Api.Response back = this.api.patch(this.hr, "/api/v1/employees/" + leaver.id(),
				Map.of("status", "ACTIVE", "version", version));
		assertThat(back.status()).as(back.toString()).isEqualTo(403);
		assertThat(status(leaver)).isEqualTo("LEAVING");
	}

	private Api.Response resign(String token, Employee employee, long managerId) {
		return this.api.post(token, "/api/v1/employees/" + employee.id() + "/resignation",
				Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay",
						TestData.today().plusDays(20).toString(), "managerId", managerId));
	}

	private void customer(Employee owner, String name) {
		Api.Response created = this.api.post(this.data.token(owner), "/api/v1/customers",
				Map.of("name", TestData.unique(name) + "有限公司", "kind", "COMPANY", "level", "B"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	private long planned(long caseId) {
		return this.jdbc.sql("select customer_id from handover_item where case_id = ? limit 1")
			.param(caseId)
			.query(Long.class)
			.single();
	}

	private String status(Employee employee) {
		return this.jdbc.sql("select status from employee where id = ?")
			.param(employee.id())
			.query(String.class)
			.single();
	}

	private int teamsJoinedBy(Employee employee) {
		return this.jdbc.sql("select count(*) from customer_member where employee_id = ?")
			.param(employee.id())
			.query(Integer.class)
			.single();
	}

}
