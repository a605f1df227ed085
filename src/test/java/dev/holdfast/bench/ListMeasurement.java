package dev.holdfast.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.Api;
import dev.holdfast.organization.DataScopes;
import dev.holdfast.organization.OrganizationManagement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures each case through the API and in raw SQL, one after the other in every round,
 * and also the other work the API does per request (token check, loading the caller's
 * account, resolving the data scope, the total's count, owner names), to show where the
 * API's time goes.
 */
final class ListMeasurement {

	private static final List<String> PARTS = List.of("API", "SQL page", "SQL first", "SQL count", "token", "account",
			"scope", "names", "audit", "/me", "web", "web no-op");

	/** The cheapest authenticated web page: the layout and one lookup of the caller. */
	static final String WEB_NO_OP = "/security/two-factor";

	private final Api api;

	private final JdbcClient jdbc;

	private final OrganizationManagement organization;

	private final DataScopes scopes;

	private final TransactionTemplate transaction;

	private final Object tokens;

	private final Map<String, Map<String, Samples>> results = new LinkedHashMap<>();

	private final Map<String, String> rows = new LinkedHashMap<>();

	ListMeasurement(Api api, JdbcClient jdbc, ApplicationContext context, DataScopes scopes) {
		this.api = api;
		this.jdbc = jdbc;
		this.organization = context.getBean(OrganizationManagement.class);
		this.scopes = scopes;
		this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		this.tokens = bean(context, "dev.holdfast.security.ApiTokens");
	}

	/** A module's package-private bean, to time exactly what the API calls. */
	private static Object bean(ApplicationContext context, String className) {
		try {
			return context.getBean(Class.forName(className));
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(className + " is gone; adjust the benchmark", ex);
		}
	}

	void run(ListCase each, int warmUp, int samples) {
		Api.Response first = this.api.get(each.token(), each.path());
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		int items = first.body().get("items").size();
		boolean counts = items == first.body().get("size").asInt();
		this.rows.put(each.name(), items + " / " + first.body().get("total").asLong());
		Set<Long> owners = first.body()
			.get("items")
			.valueStream()
			.filter(i -> !i.get("ownerId").isNull())
			.map(i -> i.get("ownerId").asLong())
			.collect(Collectors.toSet());
		HttpResponse<String> page = each.web().get(each.webPath());
		assertThat(page.statusCode()).as(each.webPath() + ": " + page.body()).isEqualTo(200);
		assertThat(page.body()).as(each.webPath()).containsPattern("href=\"/customers/\\d");
		HttpResponse<String> noOp = each.web().get(WEB_NO_OP);
		assertThat(noOp.statusCode()).as(WEB_NO_OP + ": " + noOp.body()).isEqualTo(200);
		for (int i = 0; i < warmUp; i++) {
			round(each, counts, owners, null);
		}
		Map<String, Samples> times = new LinkedHashMap<>();
		PARTS.forEach(part -> times.put(part, new Samples()));
		for (int i = 0; i < samples; i++) {
			round(each, counts, owners, times);
		}
		this.results.put(each.name(), times);
	}

	private void round(ListCase each, boolean counts, Set<Long> owners, Map<String, Samples> times) {
		time(times, "API", () -> this.api.get(each.token(), each.path()).status());
		time(times, "SQL page",
				() -> this.jdbc.sql(each.sql().pageSql())
					.params(each.sql().params())
					.query((rs, n) -> rs.getLong("id"))
					.list());
		// the first page as the module finds it: among the newest customers first for a
		// name search, else the page query
		time(times, "SQL first", () -> (each.sql().walkSql() == null)
				? this.jdbc.sql(each.sql().pageSql())
					.params(each.sql().params())
					.query((rs, n) -> rs.getLong("id"))
					.list()
				: this.jdbc.sql(each.sql().walkSql()).params(each.sql().walkParams()).query((rs, n) -> 1).list());
		if (counts) {
			time(times, "SQL count",
					() -> this.jdbc.sql(each.sql().countSql())
						.params(each.sql().countParams())
						.query(Long.class)
						.single());
		}
		time(times, "token", () -> ReflectionTestUtils.invokeMethod(this.tokens, "use", each.token()));
		time(times, "account", () -> this.organization.loginAccount(each.employeeId()));
		time(times, "scope", () -> this.scopes.ownerScopeOf(each.employeeId()));
		time(times, "names", () -> this.organization.displayNames(owners));
		time(times, "audit", this::auditStatements);
		time(times, "/me", () -> this.api.get(each.token(), "/api/v1/me").status());
		time(times, "web", () -> each.web().get(each.webPath()).statusCode());
		time(times, "web no-op", () -> each.web().get(WEB_NO_OP).statusCode());
	}

	/**
	 * The statement {@code AuditTrail} runs for the event every list request records (an
	 * unsealed insert, no lock), rolled back so that the benchmark leaves no made-up
	 * events in the trail.
	 */
	private Object auditStatements() {
		return this.transaction.execute(status -> {
			int inserted = this.jdbc.sql("""
					insert into audit_event (occurred_at, actor_id, actor_username, action, target_type, details)
					values (now(), null, 'bench', 'CUSTOMERS_LISTED', 'customer', '{"rows":20}')""").update();
			status.setRollbackOnly();
			return inserted;
		});
	}

	private static void time(Map<String, Samples> times, String part, Supplier<?> action) {
		if (times == null) {
			action.get();
		}
		else {
			times.get(part).time(action);
		}
	}

	void printTable() {
		List<String> lines = new ArrayList<>();
		lines.add("%-34s %12s | %8s %8s | %8s %8s | %6s | %8s %8s | %6s".formatted("case", "rows / total", "API p50",
				"API p95", "SQL p50", "SQL p95", "ratio", "+count50", "+count95", "ratio"));
		this.results.forEach((name, t) -> {
			double pageAndCount = t.get("SQL page").median() + zeroIfNone(t.get("SQL count").median());
			double pageAndCount95 = t.get("SQL page").p95() + zeroIfNone(t.get("SQL count").p95());
			lines.add("%-34s %12s | %8.2f %8.2f | %8.2f %8.2f | %5.1fx | %8.2f %8.2f | %5.1fx".formatted(name,
					this.rows.get(name), t.get("API").median(), t.get("API").p95(), t.get("SQL page").median(),
					t.get("SQL page").p95(), t.get("API").median() / t.get("SQL page").median(), pageAndCount,
					pageAndCount95, t.get("API").median() / pageAndCount));
		});
		LargeDataSet.log("milliseconds; SQL = the page query the module runs; +count = page query plus the"
				+ " count(*) the module runs for 'total'%n%s", String.join("\n", lines));
	}

	/**
	 * Issue 14's target: each first page within 2× of its raw SQL page query plus the
	 * cheapest authenticated request ({@code GET /me}).
	 */
	void printTargets() {
		List<String> lines = new ArrayList<>();
		lines.add("%-34s %9s %9s %9s %9s | %9s %6s".formatted("case (medians, ms)", "API", "SQL page", "SQL first",
				"GET /me", "2x(page+me)", "within"));
		this.results.forEach((name, t) -> {
			double target = 2 * (t.get("SQL page").median() + t.get("/me").median());
			lines.add("%-34s %9.2f %9.2f %9.2f %9.2f | %9.2f %6s".formatted(name, t.get("API").median(),
					t.get("SQL page").median(), t.get("SQL first").median(), t.get("/me").median(), target,
					t.get("API").median() <= target ? "yes" : "NO"));
		});
		LargeDataSet.log(
				"the target: API within 2x (raw SQL page query + GET /me); SQL first = the first page as"
						+ " the module finds it (a name search walks the newest customers first)%n%s",
				String.join("\n", lines));
	}

	/**
	 * The same target for the web pages: the HTML list within 2× of the raw SQL page
	 * query plus the cheapest authenticated web page; and, for the table in RESULTS.md,
	 * each first page as a ratio to its page query plus its no-op (the target is 2).
	 */
	void printWebTargets() {
		List<String> lines = new ArrayList<>();
		lines.add("%-34s %9s %9s %9s %9s %9s | %9s %9s | %8s %8s".formatted("case (medians, ms)", "API", "web",
				"SQL page", "GET /me", "web no-op", "API ratio", "web ratio", "API", "web"));
		this.results.forEach((name, t) -> {
			double api = t.get("API").median() / (t.get("SQL page").median() + t.get("/me").median());
			double web = t.get("web").median() / (t.get("SQL page").median() + t.get("web no-op").median());
			lines.add("%-34s %9.2f %9.2f %9.2f %9.2f %9.2f | %8.2fx %8.2fx | %8s %8s".formatted(name,
					t.get("API").median(), t.get("web").median(), t.get("SQL page").median(), t.get("/me").median(),
					t.get("web no-op").median(), api, web, api <= 2 ? "yes" : "NO", web <= 2 ? "yes" : "NO"));
		});
		LargeDataSet.log(
				"API and web: ratio = first page / (raw SQL page query + no-op), target <= 2;"
						+ " no-op = GET /api/v1/me for the API, GET %s for the web%n%s",
				WEB_NO_OP, String.join("\n", lines));
	}

	void printBreakdown() {
		List<String> lines = new ArrayList<>();
		lines.add("%-34s %7s %7s %7s %7s %7s %7s %7s | %7s %7s %7s | %7s".formatted("case (medians, ms)", "token",
				"account", "scope", "page", "count", "names", "audit", "sum", "API", "rest", "GET /me"));
		this.results.forEach((name, t) -> {
			double[] parts = { t.get("token").median(), t.get("account").median(), t.get("scope").median(),
					t.get("SQL page").median(), zeroIfNone(t.get("SQL count").median()), t.get("names").median(),
					t.get("audit").median() };
			double sum = java.util.Arrays.stream(parts).sum();
			lines.add("%-34s %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f | %7.2f %7.2f %7.2f | %7.2f".formatted(name,
					parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], sum, t.get("API").median(),
					t.get("API").median() - sum, t.get("/me").median()));
		});
		LargeDataSet.log(
				"where the API's time goes, each part timed on its own; rest = HTTP, JSON, Spring,"
						+ " transactions; GET /me = the cheapest authenticated request, for comparison%n%s",
				String.join("\n", lines));
	}

	private static double zeroIfNone(double value) {
		return Double.isNaN(value) ? 0 : value;
	}

}
