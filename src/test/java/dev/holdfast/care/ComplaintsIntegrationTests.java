package dev.holdfast.care;

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
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint tracked to closure: every status change on record, invalid moves refused, a
 * satisfaction check scheduled once it is resolved, and nobody outside the customer's
 * people (or the customer service serving it) sees it.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private Company company;

	/** Customer service of the region. */
	private Employee service;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华东区", "上海销售二组", "西北区");
		this.service = this.company.data.employee("svc", this.company.region, null, "SERVICE");
	}

	@Test
	void aComplaintGoesFromOpenToClosedWithItsHistory() {
		long customer = this.company.customerOf(this.company.owner, "A");
		String manager = this.company.token(this.company.manager);
		Api.Response created = this.api.post(manager, "/api/v1/customers/" + customer + "/complaints",
				Map.of("summary", "发货延迟两周", "details", "客户采购部李经理来电，三月订单延迟交付", "severity", "HIGH", "channel", "PHONE"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.id();
		assertThat(created.text("status")).isEqualTo("OPEN");
		assertThat(created.body().get("history")).hasSize(1);
		String path = "/api/v1/complaints/" + id;

		String peer = this.company.token(this.company.colleague);
		String service = this.company.token(this.service);
		assertThat(this.api.get(peer, path).status()).isEqualTo(404);
		assertThat(this.api.post(peer, path + "/transitions", Map.of("to", "IN_PROGRESS")).status()).isEqualTo(404);
		assertThat(this.api.get(service, path).status()).as("service does not serve the customer yet").isEqualTo(404);
		assertThat(ids(this.api.get(peer, "/api/v1/complaints").body())).doesNotContain(id);
		assertThat(ids(this.api.get(this.company.token(this.company.otherManager), "/api/v1/complaints").body()))
			.doesNotContain(id);

		Api.Response skip = this.api.post(manager, path + "/transitions", Map.of("to", "RESOLVED"));
		assertThat(skip.status()).isEqualTo(409);
		assertThat(skip.raw()).contains("invalid_transition");
		assertThat(move(manager, id, "IN_PROGRESS", "已联系物流").text("status")).isEqualTo("IN_PROGRESS");
		Api.Response resolved = move(manager, id, "RESOLVED", "补发完成，赠送运费券");
		assertThat(resolved.text("status")).isEqualTo("RESOLVED");

		Map<String, Object> check = this.jdbc
			.sql("select reason, assignee_id, complaint_id from care_visit where customer_id = ?")
			.param(customer)
			.query()
			.singleRow();
		assertThat(check.get("reason")).isEqualTo("COMPLAINT");
		assertThat(((Number) check.get("complaint_id")).longValue()).isEqualTo(id);
		assertThat(((Number) check.get("assignee_id")).longValue()).isEqualTo(this.service.id());
		assertThat(this.api.get(service, path).status()).as("the visitor checking satisfaction sees it").isEqualTo(200);
		assertThat(ids(this.api.get(service, "/api/v1/complaints?status=RESOLVED").body())).contains(id);
		assertThat(ids(this.api.get(service, "/api/v1/complaints?status=OPEN").body())).doesNotContain(id);

		move(service, id, "CLOSED", "回访确认客户满意");
		assertThat(this.api.post(manager, path + "/transitions", Map.of("to", "IN_PROGRESS")).status()).isEqualTo(409);
		move(manager, id, "REOPENED", "客户再次来电");
		Api.Response after = this.api.get(manager, path);
		JsonNode history = after.body().get("history");
		assertThat(history).hasSize(5);
		assertThat(history.get(1).get("from").asString()).isEqualTo("OPEN");
		assertThat(history.get(1).get("to").asString()).isEqualTo("IN_PROGRESS");
		assertThat(history.get(1).get("note").asString()).isEqualTo("已联系物流");
		assertThat(history.get(3).get("byId").asLong()).isEqualTo(this.service.id());
		assertThat(history.get(3).get("byName").asString()).isNotBlank();
		assertThat(after.text("status")).isEqualTo("REOPENED");
		assertThat(this.api.get(manager, "/api/v1/customers/" + customer + "/complaints").body()).hasSize(1);
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		long customer = this.company.customerOf(this.company.owner, "B");
		String manager = this.company.token(this.company.manager);
		String path = "/api/v1/customers/" + customer + "/complaints";
		assertThat(this.api.post(manager, path, Map.of("summary", "质量问题", "severity", "HUGE", "channel", "PHONE"))
			.status()).isEqualTo(400);
		assertThat(this.api.post(manager, path, Map.of("summary", " ", "severity", "LOW", "channel", "PHONE")).status())
			.isEqualTo(400);
		assertThat(this.api.get(manager, path).body()).isEmpty();
		assertThat(this.api
			.post(this.company.token(this.company.colleague), path,
					Map.of("summary", "质量问题", "severity", "LOW", "channel", "PHONE"))
			.status()).isEqualTo(404);
	}

	private Api.Response move(String token, long id, String to, String note) {
		Api.Response response = this.api.post(token, "/api/v1/complaints/" + id + "/transitions",
				Map.of("to", to, "note", note));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	private static java.util.List<Long> ids(JsonNode list) {
		java.util.List<Long> ids = new java.util.ArrayList<>();
		list.forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

}
