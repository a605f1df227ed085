package dev.holdfast.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's figures against fixtures whose numbers are known, for the manager who
 * sees them, narrowed to a team, for another region's manager (who sees none) and for a
 * rep (refused).
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private DashboardWorld world;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.world = new DashboardWorld(this.api, this.jdbc);
	}

	@Test
	void theManagerSeesTheTeamsFigures() {
		JsonNode report = report(this.world.manager, "");
		int weeks = report.get("weeks").size();
		assertThat(weeks).isBetween(8, 9);
		JsonNode alice = row(report.get("followUps"), this.world.alice.id());
		assertThat(alice.get("total").asLong()).isEqualTo(3);
		assertThat(alice.get("perWeek").get(weeks - 1).asLong()).isEqualTo(2);
		assertThat(alice.get("perWeek").get(weeks - 2).asLong()).isEqualTo(1);
		assertThat(row(report.get("followUps"), this.world.bob.id()).get("total").asLong()).isEqualTo(1);
		assertThat(row(report.get("followUps"), this.world.manager.id()).get("total").asLong()).isEqualTo(1);

		JsonNode overdue = row(report.get("overdue"), this.world.alice.id());
		assertThat(overdue.get("byLevel").get("A").asLong()).isEqualTo(1);
		assertThat(overdue.get("byLevel").get("B").asLong()).isEqualTo(1);
		assertThat(overdue.get("byLevel").has("C")).isFalse();
		assertThat(overdue.get("total").asLong()).isEqualTo(2);
		assertThat(ids(report.get("overdue"))).doesNotContain(this.world.bob.id());

		assertThat(sum(report.get("pool").get("returned"))).isEqualTo(1);
		assertThat(sum(report.get("pool").get("claimed"))).isEqualTo(1);
		assertThat(sum(report.get("pool").get("assigned"))).isEqualTo(1);

		JsonNode care = report.get("care");
		assertThat(care.get("covered").asLong()).isEqualTo(2);
		assertThat(care.get("uncovered").asLong()).isEqualTo(2);
		assertThat(row(care.get("reps"), this.world.alice.id()).get("uncovered").asLong()).isEqualTo(1);
		assertThat(row(care.get("reps"), this.world.bob.id()).get("covered").asLong()).isEqualTo(0);
		assertThat(care.get("windowDays").asLong()).isEqualTo(90);
	}

	@Test
	void aDepartmentNarrowsTheFiguresToItsTree() {
		JsonNode team = report(this.world.manager, "departmentId=" + this.world.team);
		assertThat(ids(team.get("followUps"))).containsExactlyInAnyOrder(this.world.alice.id(), this.world.bob.id());
		JsonNode foreign = report(this.world.manager, "departmentId=" + this.world.elsewhere);
		assertThat(foreign.get("followUps")).isEmpty();
		assertThat(foreign.get("overdue")).isEmpty();
		assertThat(sum(foreign.get("pool").get("returned"))).isZero();
	}

	@Test
	void anotherRegionsManagerSeesNoneOfIt() {
		JsonNode report = report(this.world.otherManager, "");
		List<Long> ours = List.of(this.world.alice.id(), this.world.bob.id(), this.world.manager.id());
		assertThat(ids(report.get("followUps"))).doesNotContainAnyElementsOf(ours);
		assertThat(ids(report.get("overdue"))).doesNotContainAnyElementsOf(ours);
		assertThat(ids(report.get("care").get("reps"))).doesNotContainAnyElementsOf(ours);
		assertThat(sum(report.get("pool").get("returned")) + sum(report.get("pool").get("claimed"))
				+ sum(report.get("pool").get("assigned")))
			.isZero();
		JsonNode theirs = report(this.world.otherManager, "departmentId=" + this.world.region);
		assertThat(ids(theirs.get("followUps"))).isEmpty();
	}

	@Test
	void aRepIsRefusedAndBadPeriodsAreInputErrors() {
		String rep = this.world.data.token(this.world.alice);
		assertThat(this.api.get(rep, "/api/v1/dashboard").status()).isEqualTo(403);
		String manager = this.world.data.token(this.world.manager);
		Api.Response reversed = this.api.get(manager, "/api/v1/dashboard?from=2026-11-01&to=2026-10-01");
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.raw()).contains("from");
		assertThat(this.api.get(manager, "/api/v1/dashboard?from=2020-01-01&to=2026-10-01").status()).isEqualTo(400);
		assertThat(this.api.get(manager, "/api/v1/dashboard?from=yesterday").status()).isEqualTo(400);
		assertThat(this.api.get(this.world.data.adminToken(), "/api/v1/dashboard").status()).isEqualTo(200);

		WebSession page = new WebSession(this.port);
		page.logIn(this.world.alice.username(), TestData.PASSWORD);
		assertThat(page.get("/dashboard").statusCode()).isEqualTo(403);
		WebSession managerPage = new WebSession(this.port);
		managerPage.logIn(this.world.manager.username(), TestData.PASSWORD);
		var html = managerPage.get("/dashboard?lang=zh_CN&departmentId=" + this.world.team);
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.body()).contains("每位销售每周跟进数", "测试" + this.world.alice.username(), "followups-table");
	}

	@Test
	void theOpenApiDescriptionListsTheNewEndpoints() {
		WebSession employee = new WebSession(this.port);
		employee.logIn(this.world.alice.username(), TestData.PASSWORD);
		var docs = employee.get("/api/docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("\"/api/v1/dashboard\"", "\"/api/v1/know-how\"", "\"/api/v1/know-how/{id}\"",
				"\"/api/v1/know-how/{id}/withdraw\"");
	}

	private JsonNode report(TestData.Employee who, String query) {
		Api.Response response = this.api.get(this.world.data.token(who), "/api/v1/dashboard?" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private static JsonNode row(JsonNode rows, long employeeId) {
		for (JsonNode row : rows) {
			if (row.get("employeeId").asLong() == employeeId) {
				return row;
			}
		}
		throw new AssertionError("no row for " + employeeId + " in " + rows);
	}

	private static List<Long> ids(JsonNode rows) {
		List<Long> ids = new ArrayList<>();
		rows.forEach(row -> ids.add(row.get("employeeId").asLong()));
		return ids;
	}

	private static long sum(JsonNode values) {
		long sum = 0;
		for (JsonNode value : values) {
			sum += value.asLong();
		}
		return sum;
	}

}
