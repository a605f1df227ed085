package dev.holdfast.offboarding;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 7: the termination form checks the case before the reason (a case the
 * caller may not run answers 404 whatever was typed), and an empty reason shows the case
 * again with 422 and the message at the reason, in the reader's language.
 */
@HoldfastIntegrationTest
class TerminationFormIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theCaseComesBeforeTheReasonAndAnEmptyReasonIsShownAtItsField() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long department = data.department("终止测试部", null);
		long elsewhere = data.department("终止无关部", null);
		Employee hr = data.employee("hr", elsewhere, null, "HR");
		Employee manager = data.employee("mgr", department, null, "SALES_MANAGER");
		Employee leaver = data.employee("rep", department, manager.id(), "SALES");
		Employee outsider = data.employee("mgr", elsewhere, null, "SALES_MANAGER");
		Api.Response resigned = api.post(data.token(hr), "/api/v1/employees/" + leaver.id() + "/resignation",
				Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay",
						TestData.today().plusDays(20).toString(), "reason", "个人发展"));
		assertThat(resigned.status()).as(resigned.toString()).isEqualTo(201);
		String terminate = "/offboarding/" + resigned.id() + "/terminate";

		WebSession stranger = new WebSession(this.port);
		stranger.logIn(outsider.username(), TestData.PASSWORD);
		String strangerCsrf = WebSession.csrfToken(stranger.get("/"));
		assertThat(stranger.post(terminate, Map.of("reason", "", "_csrf", strangerCsrf)).statusCode())
			.as("a case the caller may not run, with an empty reason")
			.isEqualTo(404);
		assertThat(stranger.post("/offboarding/987654321/terminate", Map.of("reason", "", "_csrf", strangerCsrf))
			.statusCode()).isEqualTo(404);

		WebSession session = new WebSession(this.port);
		session.logIn(hr.username(), TestData.PASSWORD);
		String csrf = WebSession.csrfToken(session.get("/offboarding/" + resigned.id() + "?lang=en"));
		HttpResponse<String> empty = session.post(terminate, Map.of("reason", "  ", "_csrf", csrf));
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(empty.body()).contains("id=\"error-reason\"").contains("the reason is required");
		session.get("/offboarding/" + resigned.id() + "?lang=zh_CN");
		HttpResponse<String> tooLong = session.post(terminate, Map.of("reason", "严重违纪".repeat(251), "_csrf", csrf));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).contains("id=\"error-reason\"").contains("最多 1000 个字符");
		assertThat(api.get(data.token(hr), "/api/v1/offboarding/" + resigned.id()).text("status")).as("nothing ended")
			.isEqualTo("NOTICE");
	}

	@Test
	void aTerminationEndsTheEmploymentTodayNotOnTheLastDayOfTheResignation() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long department = data.department("终止当日部", null);
		Employee hr = data.employee("hr", department, null, "HR");
		Employee manager = data.employee("mgr", department, null, "SALES_MANAGER");
		Employee leaver = data.employee("rep", department, manager.id(), "SALES");
		Api.Response resigned = api.post(data.token(hr), "/api/v1/employees/" + leaver.id() + "/resignation",
				Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay",
						TestData.today().plusDays(30).toString(), "reason", "个人发展"));
		assertThat(resigned.status()).as(resigned.toString()).isEqualTo(201);

		Api.Response terminated = api.post(data.token(hr), "/api/v1/offboarding/" + resigned.id() + "/terminate",
				Map.of("reason", "泄露客户名单"));
		assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);

		Api.Response after = api.get(data.token(hr), "/api/v1/offboarding/" + resigned.id());
		assertThat(after.text("status")).isEqualTo("DEPARTED");
		assertThat(after.text("lastWorkingDay")).as("the day the employment ended")
			.isEqualTo(TestData.today().toString());
	}

}
