package dev.holdfast.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searching the trail: who may, and that every filter and paging works.
 */
@HoldfastIntegrationTest
class AuditApiIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	TestData data;

	String auditor;

	TestData.Employee auditorEmployee;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.auditorEmployee = this.data.employee("auditor", null, null, "AUDITOR");
		this.auditor = this.data.token(this.auditorEmployee);
	}

	@Test
	void onlyAdministratorsAndAuditorsReadTheTrail() {
		String sales = this.data.token(this.data.employee("sales", null, null, "SALES"));
		String hr = this.data.token(this.data.employee("hr", null, null, "HR"));
		String manager = this.data.token(this.data.employee("manager", null, null, "SALES_MANAGER"));

		for (String path : List.of("/api/v1/audit-events", "/api/v1/audit-events/verify")) {
			assertThat(this.api.get(this.data.adminToken(), path).status()).as(path).isEqualTo(200);
			assertThat(this.api.get(this.auditor, path).status()).as(path).isEqualTo(200);
			for (String refused : List.of(sales, hr, manager)) {
				Api.Response response = this.api.get(refused, path);
				assertThat(response.status()).as(path).isEqualTo(403);
				assertThat(response.raw()).doesNotContain("\"items\"", "\"checked\"");
			}
		}
	}

	@Test
	void filtersByActorActionAndTarget() {
		TestData.Employee rep = this.data.employee("filtered", null, null, "SALES");
		this.data.token(rep);
		long adminId = this.api.get(this.data.adminToken(), "/api/v1/me").id();

		List<JsonNode> byActor = items("actorId=" + rep.id());
		assertThat(byActor).isNotEmpty()
			.allSatisfy(e -> assertThat(e.get("actorId").asLong()).isEqualTo(rep.id()))
			.anySatisfy(e -> assertThat(e.get("action").asString()).isEqualTo("LOGIN_SUCCEEDED"))
			.anySatisfy(e -> assertThat(e.get("action").asString()).isEqualTo("TOKEN_ISSUED"));

		List<JsonNode> byTarget = items("targetType=employee&targetId=" + rep.id());
		assertThat(byTarget).extracting(e -> e.get("action").asString())
			.containsExactlyInAnyOrder("LOGIN_SUCCEEDED", "EMPLOYEE_CREATED");

		List<JsonNode> created = items("action=EMPLOYEE_CREATED&targetId=" + rep.id());
		assertThat(created).hasSize(1);
		assertThat(created.get(0).get("actorId").asLong()).isEqualTo(adminId);
		assertThat(created.get(0).get("targetType").asString()).isEqualTo("employee");

		assertThat(items("action=EMPLOYEE_CREATED&targetType=department&targetId=" + rep.id())).isEmpty();
	}

	@Test
	void filtersByTime() {
		TestData.Employee rep = this.data.employee("timed", null, null, "SALES");
		this.data.token(rep);
		List<JsonNode> events = items("targetType=employee&targetId=" + rep.id());
		JsonNode created = events.stream()
			.filter(e -> e.get("action").asString().equals("EMPLOYEE_CREATED"))
			.findFirst()
			.orElseThrow();
		JsonNode login = events.stream()
			.filter(e -> e.get("action").asString().equals("LOGIN_SUCCEEDED"))
			.findFirst()
			.orElseThrow();
		Instant createdAt = Instant.parse(created.get("occurredAt").asString());
		Instant loginAt = Instant.parse(login.get("occurredAt").asString());
		assertThat(loginAt).isAfter(createdAt);
		String target = "targetType=employee&targetId=" + rep.id();

		assertThat(items(target + "&from=" + loginAt)).extracting(e -> e.get("id").asLong())
			.containsExactly(login.get("id").asLong());
		assertThat(items(target + "&to=" + loginAt)).as("to is exclusive")
			.extracting(e -> e.get("id").asLong())
			.containsExactly(created.get("id").asLong());
		assertThat(items(target + "&from=" + createdAt + "&to=" + loginAt.plusNanos(1000))).hasSize(2);
		assertThat(items(target + "&from=" + loginAt.plusSeconds(3600))).isEmpty();
	}

	@Test
	void pagesNewestFirst() {
		TestData.Employee rep = this.data.employee("paged", null, null, "SALES");
		for (int i = 0; i < 5; i++) {
			this.api.post(null, "/api/v1/auth/token", Map.of("username", rep.username(), "password", "wrong-" + i));
		}
		String filter = "action=LOGIN_FAILED&actorId=" + rep.id();

		Api.Response first = search(filter + "&size=2&page=0");
		Api.Response second = search(filter + "&size=2&page=1");
		Api.Response last = search(filter + "&size=2&page=2");
		Api.Response beyond = search(filter + "&size=2&page=3");

		assertThat(first.body().get("total").asLong()).isEqualTo(5);
		assertThat(first.body().get("totalExact").asBoolean()).isTrue();
		assertThat(first.body().get("size").asInt()).isEqualTo(2);
		assertThat(second.body().get("page").asInt()).isEqualTo(1);
		List<Long> ids = new ArrayList<>();
		for (Api.Response page : List.of(first, second, last)) {
			page.body().get("items").forEach(e -> ids.add(e.get("id").asLong()));
		}
		assertThat(ids).hasSize(5).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(beyond.body().get("items").size()).isZero();
		assertThat(beyond.body().get("total").asLong()).isEqualTo(5);
	}

	@Test
	void badFiltersAndPagingAre400() {
		for (String query : List.of("size=0", "size=201", "page=-1", "from=yesterday", "to=2026-13-01T00:00:00Z",
				"actorId=me", "page=1000000000", "size=1000000",
				// beyond the database's timestamps (4713 BC to 294276 AD): was a 500
				"from=-4714-01-01T00:00:00Z", "to=-999999999-01-01T00:00:00Z", "to=%2B294277-01-01T00:00:00Z",
				"from=%2B999999999-12-31T23:59:59Z")) {
			Api.Response response = this.api.get(this.auditor, "/api/v1/audit-events?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.text("error")).isEqualTo("validation");
		}
	}

	@Test
	void theFirstAndLastYearsAndAnEmptyRangeAreSearched() {
		for (String query : List.of("from=0001-01-01T00:00:00Z", "to=9999-12-31T23:59:59Z",
				"from=2026-12-08T00:00:00Z&to=2026-01-01T00:00:00Z")) {
			assertThat(this.api.get(this.auditor, "/api/v1/audit-events?" + query).status()).as(query).isEqualTo(200);
		}
	}

	@Test
	void searchingTheTrailIsItselfRecorded() {
		search("action=LOGIN_LOCKED&size=1");

		List<JsonNode> searches = items("action=AUDIT_SEARCHED&actorId=" + this.auditorEmployee.id());
		assertThat(searches).isNotEmpty();
		assertThat(searches.get(0).get("actorUsername").asString()).isEqualTo(this.auditorEmployee.username());
	}

	private List<JsonNode> items(String query) {
		List<JsonNode> items = new ArrayList<>();
		search(query + "&size=200").body().get("items").forEach(items::add);
		return items;
	}

	private Api.Response search(String query) {
		Api.Response response = this.api.get(this.auditor, "/api/v1/audit-events?" + query);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response;
	}

}
