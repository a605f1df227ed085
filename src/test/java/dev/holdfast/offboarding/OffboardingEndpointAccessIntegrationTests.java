package dev.holdfast.offboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.Eventually;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.customer.CustomerEndpointAccessIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offboarding cases, handover tasks and care visits, tried by people who must not reach
 * them: a rep of another department and the other department's manager get the same 404
 * as for a case that does not exist; lists show them nothing of it.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffboardingEndpointAccessIntegrationTests {

	private static final long MISSING = 987_654_321L;

	record Case(String method, LongFunction<String> path, Object body) {
	}

	private static final Map<String, Case> ON_A_CASE = new LinkedHashMap<>();

	static {
		ON_A_CASE.put("GET /api/v1/offboarding/{caseId}", new Case("GET", id -> "/api/v1/offboarding/" + id, null));
		ON_A_CASE.put("GET /api/v1/offboarding/{caseId}/agreement-terms",
				new Case("GET", id -> "/api/v1/offboarding/" + id + "/agreement-terms", null));
		ON_A_CASE.put("GET /api/v1/offboarding/{caseId}/plan",
				new Case("GET", id -> "/api/v1/offboarding/" + id + "/plan", null));
		ON_A_CASE.put("PATCH /api/v1/offboarding/{caseId}/plan", new Case("PATCH",
				id -> "/api/v1/offboarding/" + id + "/plan", List.of(Map.of("customerId", 1, "newOwnerId", 1))));
		ON_A_CASE.put("GET /api/v1/offboarding/{caseId}/notes/{customerId}",
				new Case("GET", id -> "/api/v1/offboarding/" + id + "/notes/1", null));
		ON_A_CASE.put("GET /api/v1/offboarding/{caseId}/notes/{customerId}/versions",
				new Case("GET", id -> "/api/v1/offboarding/" + id + "/notes/1/versions", null));
		ON_A_CASE.put("PUT /api/v1/offboarding/{caseId}/notes/{customerId}",
				new Case("PUT", id -> "/api/v1/offboarding/" + id + "/notes/1", Map.of("promises", "偷看")));
		ON_A_CASE.put("POST /api/v1/offboarding/{caseId}/handover",
				new Case("POST", id -> "/api/v1/offboarding/" + id + "/handover", Map.of()));
		ON_A_CASE.put("POST /api/v1/offboarding/{caseId}/terminate",
				new Case("POST", id -> "/api/v1/offboarding/" + id + "/terminate", Map.of("reason", "恶意")));
		ON_A_CASE.put("GET /api/v1/offboarding/{caseId}/checklist",
				new Case("GET", id -> "/api/v1/offboarding/" + id + "/checklist", null));
		ON_A_CASE.put("POST /api/v1/offboarding/{caseId}/checklist/{itemId}",
				new Case("POST", id -> "/api/v1/offboarding/" + id + "/checklist/1", Map.of("note", "冒充")));
		ON_A_CASE.put("DELETE /api/v1/offboarding/{caseId}/checklist/{itemId}",
				new Case("DELETE", id -> "/api/v1/offboarding/" + id + "/checklist/1", null));
		ON_A_CASE.put("POST /api/v1/offboarding/{caseId}/close",
				new Case("POST", id -> "/api/v1/offboarding/" + id + "/close", Map.of()));
		ON_A_CASE.put("POST /api/v1/handover-tasks/{id}/done",
				new Case("POST", id -> "/api/v1/handover-tasks/" + id + "/done", Map.of()));
		ON_A_CASE.put("POST /api/v1/care-visits/{id}/outcome", new Case("POST",
				id -> "/api/v1/care-visits/" + id + "/outcome", Map.of("reached", true, "outcome", "冒充客服")));
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	Employee outsider;

	Employee otherManager;

	long caseId;

	long taskId;

	long visitId;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long team = this.data.department("深圳销售三组", null);
		Employee manager = this.data.employee("mgr", team, null, "SALES_MANAGER");
		Employee leaver = this.data.employee("rep", team, manager.id(), "SALES");
		this.data.employee("rep", team, manager.id(), "SALES");
		this.data.employee("service", null, null, "SERVICE");
		long elsewhere = this.data.department("华北区", null);
		this.otherManager = this.data.employee("mgr", elsewhere, null, "SALES_MANAGER");
		this.outsider = this.data.employee("rep", elsewhere, this.otherManager.id(), "SALES");
		String leaverToken = this.data.token(leaver);
		for (String level : List.of("A", "C")) {
			assertThat(this.api
				.post(leaverToken, "/api/v1/customers",
						Map.of("name", TestData.unique("杭州西湖茶业") + "有限公司", "kind", "COMPANY", "level", level))
				.status()).isEqualTo(201);
		}
		Api.Response resigned = this.api.post(this.data.adminToken(),
				"/api/v1/employees/" + leaver.id() + "/resignation", Map.of("noticeDate", TestData.today().toString(),
						"lastWorkingDay", TestData.today().plusDays(10).toString()));
		this.caseId = resigned.id();
		assertThat(this.api
			.post(this.data.token(manager), "/api/v1/offboarding/" + this.caseId + "/handover",
					Map.of("acceptMissingNotes", true))
			.status()).isEqualTo(200);
		this.taskId = this.jdbc.sql("select min(id) from handover_item where case_id = ? and outcome = 'REASSIGNED'")
			.param(this.caseId)
			.query(Long.class)
			.single();
		// care schedules the visits after the handover commits (an asynchronous listener)
		this.visitId = Eventually
			.value("a care visit after the handover",
					() -> this.jdbc.sql("select id from care_visit where source = ? order by id limit 1")
						.param("offboarding:" + this.caseId)
						.query(Long.class)
						.optional(),
					Optional::isPresent)
			.get();
	}

	@Test
	void everyOffboardingEndpointHasACase() {
		List<String> lists = List.of("GET /api/v1/offboarding", "GET /api/v1/handover-tasks",
				"GET /api/v1/care-visits");
		assertThat(Stream.concat(ON_A_CASE.keySet().stream(), lists.stream()).toList())
			.containsExactlyInAnyOrderElementsOf(CustomerEndpointAccessIntegrationTests.OFFBOARDING);
	}

	Stream<Arguments> onACase() {
		return ON_A_CASE.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("onACase")
	void anOutsiderGetsTheSameNotFoundAsForAMissingRecord(String endpoint, Case call) {
		for (Employee intruder : List.of(this.outsider, this.otherManager)) {
			String token = this.data.token(intruder);
			long real = endpoint.contains("handover-tasks") ? this.taskId
					: endpoint.contains("care-visits") ? this.visitId : this.caseId;
			Api.Response refused = this.api.sendRaw(token, call.method(), call.path().apply(real), json(call.body()));
			Api.Response absent = this.api.sendRaw(token, call.method(), call.path().apply(MISSING), json(call.body()));
			assertThat(refused.status()).as(endpoint + " for " + intruder.username() + ": " + refused).isEqualTo(404);
			assertThat(refused.raw()).isEqualTo(absent.raw());
		}
	}

	@Test
	void listsShowAnOutsiderNothingOfIt() {
		String token = this.data.token(this.outsider);
		assertThat(this.api.get(token, "/api/v1/offboarding").body()).isEmpty();
		assertThat(this.api.get(token, "/api/v1/handover-tasks").body()).isEmpty();
		assertThat(this.api.get(token, "/api/v1/care-visits").body()).isEmpty();
		assertThat(this.api.get(this.data.token(this.otherManager), "/api/v1/offboarding").raw())
			.doesNotContain("\"id\":" + this.caseId + ",");
	}

	private static String json(Object body) {
		return body == null ? null : tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
	}

}
