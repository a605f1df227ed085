package dev.holdfast.organization;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles are shown by their label in the reader's language, one language at a time: never
 * the code, never "管理员 Administrator".
 */
@HoldfastIntegrationTest
class RoleLabelsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theEmployeeListAndTheRolesPageShowLabelsInOneLanguage() {
		TestData data = new TestData(new Api(this.port));
		TestData.Employee manager = data.employee("rolelabel", null, null, "SALES_MANAGER");
		WebSession admin = new WebSession(this.port);
		admin.logIn("admin", TestData.ADMIN_PASSWORD);
		String list = admin.get("/admin/employees?q=" + manager.username()).body();
		assertThat(list).contains(">销售经理</span>").doesNotContain(">SALES_MANAGER<");
		String roles = admin.get("/admin/roles").body();
		assertThat(roles).contains(">管理员</span>").doesNotContain("Administrator");

		admin.get("/?lang=en");
		assertThat(admin.get("/admin/employees?q=" + manager.username()).body()).contains(">Sales manager</span>")
			.doesNotContain("销售经理");
	}

	@Test
	void builtInRolesAreStoredInOneLanguage() {
		assertThat(this.jdbc.sql("select name from role where code = 'ADMIN'").query(String.class).single())
			.isEqualTo("Administrator");
	}

}
