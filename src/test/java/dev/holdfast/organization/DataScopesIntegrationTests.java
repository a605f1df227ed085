package dev.holdfast.organization;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose customers an employee sees, on a small organisation:
 *
 * <pre>
 * top (company)                   topMan
 * ├── sales                       boss, m1 (reports to boss), salesPeer
 * │   └── east (sub-department)   m2 (reports to m1), eastPeer
 * └── service (sibling of sales)  servicePeer (reports to boss)
 * </pre>
 */
@HoldfastIntegrationTest
class DataScopesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataScopes scopes;

	Api api;

	TestData data;

	Employee topMan;

	Employee boss;

	Employee m1;

	Employee salesPeer;

	Employee m2;

	Employee eastPeer;

	Employee servicePeer;

	Employee outsider;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long top = this.data.department("Company", null);
		long sales = this.data.department("Sales", top);
		long east = this.data.department("East", sales);
		long service = this.data.department("Service", top);
		this.topMan = this.data.employee("top", top, null);
		this.boss = this.data.employee("boss", sales, null);
		this.m1 = this.data.employee("m1", sales, this.boss.id());
		this.salesPeer = this.data.employee("salesPeer", sales, null);
		this.m2 = this.data.employee("m2", east, this.m1.id());
		this.eastPeer = this.data.employee("eastPeer", east, null);
		this.servicePeer = this.data.employee("servicePeer", service, this.boss.id());
		this.outsider = this.data.employee("outsider", null, null);
	}

	@Test
	void withoutRolesAnEmployeeSeesOnlyThemselves() {
		assertThat(owners(this.boss)).containsExactly(this.boss.id());
	}

	@Test
	void selfCoversOnlyTheEmployee() {
		grant(this.boss, role("SELF"));

		OwnerScope scope = this.scopes.ownerScopeOf(this.boss.id());

		assertThat(scope.all()).isFalse();
		assertThat(scope.ownerIds()).containsExactly(this.boss.id());
		assertThat(scope.covers(this.m1.id())).isFalse();
		assertThat(scope.covers(null)).as("an unowned customer").isFalse();
	}

	@Test
	void subordinatesFollowTheWholeReportingChainAcrossDepartments() {
		grant(this.boss, role("SUBORDINATES"));

		assertThat(owners(this.boss)).containsExactlyInAnyOrder(this.boss.id(), this.m1.id(), this.m2.id(),
				this.servicePeer.id());
		grant(this.m1, role("SUBORDINATES"));
		assertThat(owners(this.m1)).as("not upwards").containsExactlyInAnyOrder(this.m1.id(), this.m2.id());
	}

	@Test
	void departmentCoversOnlyTheOwnDepartment() {
		grant(this.boss, role("DEPARTMENT"));

		assertThat(owners(this.boss)).containsExactlyInAnyOrder(this.boss.id(), this.m1.id(), this.salesPeer.id());
	}

	@Test
	void departmentTreeCoversSubDepartmentsButNotSiblingsOrParents() {
		grant(this.salesPeer, role("DEPARTMENT_TREE"));

		assertThat(owners(this.salesPeer)).containsExactlyInAnyOrder(this.boss.id(), this.m1.id(), this.salesPeer.id(),
				this.m2.id(), this.eastPeer.id());
		grant(this.eastPeer, role("DEPARTMENT_TREE"));
		assertThat(owners(this.eastPeer)).containsExactlyInAnyOrder(this.m2.id(), this.eastPeer.id());
	}

	@Test
	void departmentScopesOfAnEmployeeWithoutADepartmentCoverOnlyThemselves() {
		grant(this.outsider, role("DEPARTMENT"), role("DEPARTMENT_TREE"));

		assertThat(owners(this.outsider)).containsExactly(this.outsider.id());
	}

	@Test
	void allCoversEveryone() {
		grant(this.eastPeer, role("ALL"), role("SELF"));

		OwnerScope scope = this.scopes.ownerScopeOf(this.eastPeer.id());

		assertThat(scope.all()).isTrue();
		assertThat(scope.covers(this.topMan.id())).isTrue();
		assertThat(scope.covers(this.outsider.id())).isTrue();
	}

	@Test
	void twoRolesGiveTheUnionOfTheirScopes() {
		grant(this.m1, role("SUBORDINATES"), role("DEPARTMENT"));

		assertThat(owners(this.m1)).containsExactlyInAnyOrder(this.m1.id(), this.m2.id(), this.boss.id(),
				this.salesPeer.id());
	}

	@Test
	void aChangeOfDepartmentChangesTheScopeAtOnce() {
		grant(this.boss, role("DEPARTMENT"));
		assertThat(owners(this.boss)).contains(this.salesPeer.id());

		long elsewhere = this.data.department("Elsewhere", null);
		assertThat(this.api
			.patch(this.data.adminToken(), "/api/v1/employees/" + this.salesPeer.id(),
					Map.of("departmentId", elsewhere))
			.status()).isEqualTo(200);

		assertThat(owners(this.boss)).doesNotContain(this.salesPeer.id());
	}

	private List<Long> owners(Employee employee) {
		OwnerScope scope = this.scopes.ownerScopeOf(employee.id());
		assertThat(scope.all()).isFalse();
		return List.copyOf(scope.ownerIds());
	}

	private String role(String dataScope) {
		String code = TestData.unique("SCOPE_" + dataScope + "_");
		Api.Response role = this.api.post(this.data.adminToken(), "/api/v1/roles",
				Map.of("code", code, "name", code, "dataScope", dataScope, "permissions", List.of("customer.edit")));
		assertThat(role.status()).as(role.raw()).isEqualTo(201);
		return code;
	}

	private void grant(Employee employee, String... roles) {
		Api.Response granted = this.api.patch(this.data.adminToken(), "/api/v1/employees/" + employee.id(),
				Map.of("roles", List.of(roles)));
		assertThat(granted.status()).as(granted.raw()).isEqualTo(200);
	}

}
