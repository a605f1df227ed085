package dev.holdfast.knowhow;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing from the customer page in the browser: the manager gets the link and the
 * form, a rep gets neither, another region's manager gets 404; a published item opens,
 * and a form without a title is shown again with the error.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowHowPagesIntegrationTests {

	@LocalServerPort
	int port;

	private Employee manager;

	private Employee rep;

	private Employee otherManager;

	private long customer;

	@BeforeAll
	void setUp() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long region = data.department("西南区", null);
		this.manager = data.employee("mgr", region, null, "SALES_MANAGER");
		this.rep = data.employee("rep", region, this.manager.id(), "SALES");
		this.otherManager = data.employee("mgr", data.department("华北区", null), null, "SALES_MANAGER");
		String token = data.token(this.rep);
		this.customer = api
			.post(token, "/api/v1/customers",
					Map.of("name", TestData.unique("重庆山城火锅") + "有限公司", "kind", "COMPANY", "industry", "餐饮业"))
			.id();
		api.post(token, "/api/v1/customers/" + this.customer + "/contacts",
				Map.of("name", "赵敏", "phone", "13698765432"));
		api.post(token, "/api/v1/customers/" + this.customer + "/follow-ups",
				Map.of("kind", "VISIT", "content", "拜访赵敏，试吃新品后当场下了第一单"));
	}

	@Test
	void theManagerPublishesFromTheCustomerPage() {
		WebSession session = session(this.manager);
		assertThat(session.get("/customers/" + this.customer + "/follow-ups").body()).contains("id=\"mark-exemplary\"");
		HttpResponse<String> form = session.get("/know-how/new?customerId=" + this.customer + "&lang=zh_CN");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("设为范例", "拜访赵敏");

		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		Map<String, String> fields = new HashMap<>(Map.of("_csrf", WebSession.csrfToken(form), "customerId",
				String.valueOf(this.customer), "from", today, "to", today, "lesson", "先让对方试吃", "tags", "首单,试吃"));
		HttpResponse<String> invalid = session.post("/know-how?lang=zh_CN", fields);
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("error-title");

		fields.put("title", TestData.unique("试吃拿下首单"));
		HttpResponse<String> published = session.post("/know-how", fields);
		assertThat(published.statusCode()).isEqualTo(302);
		String location = published.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/know-how/\\d+");
		String page = session(this.rep).get(location.substring(location.indexOf("/know-how"))).body();
		assertThat(page).contains(fields.get("title"), "联系人甲", "某餐饮业C级客户").doesNotContain("赵敏", "山城火锅");
	}

	@Test
	void aRepAndAnotherRegionsManagerCannotPublish() {
		WebSession rep = session(this.rep);
		assertThat(rep.get("/customers/" + this.customer + "/follow-ups").body()).doesNotContain("mark-exemplary");
		assertThat(rep.get("/know-how/new?customerId=" + this.customer).statusCode()).isEqualTo(403);
		assertThat(rep.get("/know-how").statusCode()).isEqualTo(200);
		assertThat(session(this.otherManager).get("/know-how/new?customerId=" + this.customer).statusCode())
			.isEqualTo(404);
	}

	private WebSession session(Employee employee) {
		WebSession session = new WebSession(this.port);
		session.logIn(employee.username(), TestData.PASSWORD);
		return session;
	}

}
