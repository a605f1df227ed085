package dev.holdfast.offboarding;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.Eventually;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offboarding pages as HR, the manager, the leaver, the new owner and an outsider use
 * them: resignation form, case page, note form, handover, handover tasks.
 */
@HoldfastIntegrationTest
class OffboardingPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void hrRecordsTheLeaverWritesTheManagerHandsOverAndTheNewOwnerTakesUp() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long department = data.department("离职测试部", null);
		long elsewhere = data.department("无关部门", null);
		Employee hr = data.employee("hr", elsewhere, null, "HR");
		Employee manager = data.employee("mgr", department, null, "SALES_MANAGER");
		Employee leaver = data.employee("rep", department, manager.id(), "SALES");
		Employee colleague = data.employee("rep", department, manager.id(), "SALES");
		Employee outsider = data.employee("rep", elsewhere, null, "SALES");
		data.employee("cs", elsewhere, null, "SERVICE");
		String customerName = TestData.unique("杭州离职测试客户") + "有限公司";
		Api.Response created = api.post(data.token(leaver), "/api/v1/customers",
				Map.of("name", customerName, "kind", "COMPANY", "level", "A"));
		assertThat(created.status()).isEqualTo(201);
		long customerId = created.id();

		WebSession hrSession = session(hr);
		HttpResponse<String> form = hrSession.get("/admin/employees/" + leaver.id() + "/resignation");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(hrSession.get("/admin/employees/" + leaver.id()).body()).contains("id=\"record-resignation\"");
		HttpResponse<String> tooEarly = hrSession.post("/admin/employees/" + leaver.id() + "/resignation",
				Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay",
						TestData.today().minusDays(1).toString(), "_csrf", WebSession.csrfToken(form)));
		assertThat(tooEarly.statusCode()).isEqualTo(422);
		assertThat(tooEarly.body()).contains("error-lastWorkingDay");
		HttpResponse<String> resigned = hrSession.post("/admin/employees/" + leaver.id() + "/resignation",
				Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay",
						TestData.today().plusDays(14).toString(), "reason", "个人发展", "_csrf",
						WebSession.csrfToken(form)));
		assertThat(resigned.statusCode()).isEqualTo(302);
		String casePath = resigned.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		assertThat(casePath).matches("/offboarding/\\d+");
		HttpResponse<String> casePage = hrSession.get(casePath);
		assertThat(casePage.statusCode()).isEqualTo(200);
		assertThat(casePage.body()).contains("id=\"plan-table\"").contains(customerName).contains("个人发展");
		assertThat(hrSession.get("/offboarding").body()).contains(casePath);

		WebSession outsiderSession = session(outsider);
		assertThat(outsiderSession.get(casePath).statusCode()).isEqualTo(404);
		assertThat(outsiderSession.get("/offboarding/987654321").statusCode()).isEqualTo(404);
		assertThat(outsiderSession.get(casePath + "/notes/" + customerId).statusCode()).isEqualTo(404);
		assertThat(outsiderSession.get(casePath + "/progress").statusCode()).isEqualTo(404);
		String outsiderCsrf = WebSession.csrfToken(outsiderSession.get("/"));
		for (String action : new String[] { "/handover", "/terminate", "/plan", "/plan/" + customerId,
				"/notes/" + customerId }) {
			assertThat(outsiderSession
				.post(casePath + action, Map.of("reason", "x", "newOwnerId", String.valueOf(outsider.id()),
						"keyContacts", "x", "_csrf", outsiderCsrf))
				.statusCode()).as(action).isEqualTo(404);
		}
		assertThat(outsiderSession.get("/offboarding").statusCode()).isEqualTo(403);

		WebSession leaverSession = session(leaver);
		HttpResponse<String> home = leaverSession.get("/");
		assertThat(home.body()).contains("id=\"notice-banner\"").contains(casePath);
		HttpResponse<String> notePage = leaverSession.get(casePath + "/notes/" + customerId);
		assertThat(notePage.statusCode()).isEqualTo(200);
		assertThat(notePage.body()).contains(customerName).contains("关键联系人");
		String csrf = WebSession.csrfToken(notePage);
		HttpResponse<String> blank = leaverSession.post(casePath + "/notes/" + customerId,
				Map.of("keyContacts", " ", "_csrf", csrf));
		assertThat(blank.statusCode()).isEqualTo(422);
		assertThat(blank.body()).contains("error-keyContacts");
		HttpResponse<String> written = leaverSession.post(casePath + "/notes/" + customerId,
				Map.of("keyContacts", "采购部王总拍板", "promises", "年底前九五折", "_csrf", csrf));
		assertThat(written.statusCode()).isEqualTo(302);
		assertThat(leaverSession.get(casePath).body()).doesNotContain("id=\"handover-form\"")
			.doesNotContain("owner-select");

		WebSession managerSession = session(manager);
		HttpResponse<String> managed = managerSession.get(casePath);
		assertThat(managed.body()).contains("id=\"handover-form\"").contains("owner-select");
		String managerCsrf = WebSession.csrfToken(managed);
		assertThat(managerSession
			.post(casePath + "/plan/" + customerId,
					Map.of("newOwnerId", String.valueOf(colleague.id()), "_csrf", managerCsrf))
			.statusCode()).isEqualTo(302);
		HttpResponse<String> handedOver = managerSession.post(casePath + "/handover", Map.of("_csrf", managerCsrf));
		assertThat(handedOver.statusCode()).isEqualTo(302);
		assertThat(managerSession.get(casePath + "/progress").body()).contains("已交接 1 / 1");

		WebSession newOwner = session(colleague);
		HttpResponse<String> tasks = newOwner.get("/handover-tasks");
		assertThat(tasks.statusCode()).isEqualTo(200);
		assertThat(tasks.body()).contains(customerName).contains("采购部王总拍板").contains("task-done");
		assertThat(newOwner.get("/").body()).contains("id=\"home-handover-tasks\"");
		assertThat(newOwner.get("/customers/" + customerId + "/handover-notes").body()).contains("年底前九五折");

		// care schedules the visit after the handover committed (CustomersHandedOver)
		long visitId = Eventually
			.value("the care visit after the handover",
					() -> api.get(data.token(manager), "/api/v1/customers/" + customerId + "/care-visits").body(),
					visits -> visits.size() > 0)
			.get(0)
			.get("id")
			.asLong();
		String visitCsrf = WebSession.csrfToken(managerSession.get("/care-visits"));
		HttpResponse<String> blankOutcome = managerSession.post("/care-visits/" + visitId + "/outcome",
				Map.of("reached", "true", "outcome", " ", "_csrf", visitCsrf));
		assertThat(blankOutcome.statusCode()).isEqualTo(422);
		assertThat(blankOutcome.body()).contains("error-outcome");
		assertThat(managerSession
			.post("/care-visits/" + visitId + "/outcome",
					Map.of("reached", "true", "outcome", "客户对新负责人很满意", "satisfaction", "5", "_csrf", visitCsrf))
			.statusCode()).isEqualTo(302);
		assertThat(newOwner.get("/customers/" + customerId + "/care").body()).contains("客户对新负责人很满意").contains("★★★★★");
	}

	private WebSession session(Employee employee) {
		WebSession session = new WebSession(this.port);
		session.logIn(employee.username(), TestData.PASSWORD);
		session.get("/?lang=zh_CN");
		return session;
	}

}
