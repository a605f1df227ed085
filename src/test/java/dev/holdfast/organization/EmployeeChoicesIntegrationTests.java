package dev.holdfast.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two 张伟 in two teams can be told apart in the new-owner picker, which still offers only
 * active employees who may own customers.
 */
@HoldfastIntegrationTest
class EmployeeChoicesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	EmployeeChoices choices;

	@Test
	void namesakesReadWithTheirTeamAndUsernameAndOnlyOwnersAreOffered() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long east = data.department("华东销售组", null);
		long south = data.department("华南销售组", null);
		TestData.Employee manager = data.employee("mgr", east, null, "SALES_MANAGER");
		long eastZhang = employee(api, data, "张伟", east, "SALES");
		long southZhang = employee(api, data, "张伟", south, "SALES");
		long serviceZhang = employee(api, data, "张伟", east, "SERVICE");
		long customer = api
			.post(data.token(manager), "/api/v1/customers",
					Map.of("name", TestData.unique("杭州西湖丝绸") + "有限公司", "kind", "COMPANY", "level", "B"))
			.id();

		WebSession session = new WebSession(this.port);
		session.logIn(manager.username(), TestData.PASSWORD);
		String form = session.get("/customers/" + customer + "/transfer").body();
		// the test data makes department names and usernames unique with a number; the
		// page offers the manager's own team first (the shared test database holds more
		// employees than one picker lists, so the other team's 张伟 is read through the
		// same labels the page uses)
		assertThat(form).containsPattern(option(eastZhang, "张伟 · 华东销售组\\d+ · zhangwei\\d+<"))
			.as("customer service may not own customers")
			.doesNotContain("value=\"" + serviceZhang + "\"");
		assertThat(this.choices.labelsOf(List.of(southZhang)).get(southZhang)).matches("张伟 · 华南销售组\\d+ · zhangwei\\d+");
	}

	private static String option(long id, String label) {
		return "value=\"" + id + "\">" + label;
	}

	private static long employee(Api api, TestData data, String name, long department, String role) {
		Map<String, Object> body = new HashMap<>();
		body.put("username", TestData.unique("zhangwei"));
		body.put("displayName", name);
		body.put("password", TestData.PASSWORD);
		body.put("departmentId", department);
		body.put("roles", List.of(role));
		Api.Response response = api.post(data.adminToken(), "/api/v1/employees", body);
		assertThat(response.status()).isEqualTo(201);
		return response.id();
	}

}
