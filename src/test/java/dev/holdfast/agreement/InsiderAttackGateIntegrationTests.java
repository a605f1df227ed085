package dev.holdfast.agreement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, hole 4, as the rep with an agreement pending did it: the gate was a list of
 * path prefixes, so {@code /api/v1/%63ustomers} and {@code POST
 * /api/v1/%63ontacts/{id}/reveal} answered with data, and reminders, complaints,
 * notifications, the dashboard, key accounts and care coverage were not on the list. Now
 * the gate judges the handler Spring resolved and closes every one not marked free of
 * customer data; this class walks the whole route table to prove it.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiderAttackGateIntegrationTests {

	/**
	 * Every route marked {@code @FreeOfCustomerData} (or an error page): a new one must
	 * be added here on purpose.
	 */
	private static final Set<String> FREE = new TreeSet<>(List.of(
			// logging in, one's own profile, token, sessions and second factor
			"GET /login", "POST /api/v1/auth/token", "DELETE /api/v1/auth/token", "GET /api/v1/me",
			"GET /api/v1/me/sessions", "DELETE /api/v1/me/sessions/{id}", "GET /api/v1/employees/{employeeId}/sessions",
			"DELETE /api/v1/employees/{employeeId}/sessions/{id}", "GET /security/sessions",
			"POST /security/sessions/{id}/end", "GET /admin/employees/{employeeId}/sessions",
			"POST /admin/employees/{employeeId}/sessions/{id}/end", "GET /api/v1/me/two-factor",
			"POST /api/v1/me/two-factor", "POST /api/v1/me/two-factor/confirm",
			"DELETE /api/v1/employees/{id}/two-factor", "GET /security/two-factor", "POST /security/two-factor/confirm",
			"POST /admin/employees/{id}/two-factor/reset",
			// locked logins (the usernames and addresses the login throttle holds)
			"GET /api/v1/login-lockouts", "POST /api/v1/login-lockouts/unlock", "GET /admin/login-lockouts",
			"POST /admin/login-lockouts/unlock",
			// backups: the answer names archives, sizes, counts per table and the audit
			// head, never a row (there is no download route); the administrator's act is
			// audited
			"GET /api/v1/admin/backups", "POST /api/v1/admin/backups", "POST /api/v1/admin/backups/{name}/verify",
			"GET /admin/backups", "POST /admin/backups", "POST /admin/backups/{name}/verify",
			// the agreements themselves
			"GET /agreements", "POST /agreements/{versionId}/accept", "GET /agreements/{versionId}/text",
			"GET /admin/agreements", "POST /admin/agreements", "GET /admin/agreements/{id}",
			"POST /admin/agreements/{id}/roles", "POST /admin/agreements/{id}/versions", "GET /api/v1/agreements",
			"POST /api/v1/agreements", "POST /api/v1/agreements/{id}/versions", "PUT /api/v1/agreements/{id}/roles",
			"GET /api/v1/agreements/{id}/acceptances", "GET /api/v1/agreements/reminders", "GET /api/v1/me/agreements",
			"POST /api/v1/me/agreements/{versionId}/accept", "GET /api/v1/me/agreements/{versionId}/text",
			"GET /api/v1/employees/{id}/agreement-terms", "GET /api/v1/offboarding/{caseId}/agreement-terms",
			// the organisation: departments, employees, roles, resignations, provisioning
			"POST /api/v1/departments", "GET /api/v1/departments", "POST /api/v1/employees", "GET /api/v1/employees",
			"GET /api/v1/employees/{id}", "PATCH /api/v1/employees/{id}", "GET /api/v1/roles", "POST /api/v1/roles",
			"GET /admin/employees", "GET /admin/employees/new", "POST /admin/employees", "GET /admin/employees/{id}",
			"POST /admin/employees/{id}", "GET /admin/departments", "POST /admin/departments", "GET /admin/roles",
			"POST /admin/roles", "GET /admin/employees/{id}/resignation", "POST /admin/employees/{id}/resignation",
			"POST /api/v1/scim-tokens", "GET /api/v1/scim-tokens", "DELETE /api/v1/scim-tokens/{id}",
			"POST /scim/v2/Users", "GET /scim/v2/Users/{id}", "GET /scim/v2/Users", "PUT /scim/v2/Users/{id}",
			"PATCH /scim/v2/Users/{id}", "DELETE /scim/v2/Users/{id}", "GET /scim/v2/ServiceProviderConfig",
			"GET /scim/v2/ResourceTypes", "GET /scim/v2/ResourceTypes/{id}", "GET /scim/v2/Schemas",
			"GET /scim/v2/Schemas/{id}", "* /scim/v2/**",
			// encryption keys, the bell's count, the error pages
			"GET /api/v1/admin/keys", "POST /api/v1/admin/keys/rotate", "POST /api/v1/admin/keys/reencrypt",
			"GET /notifications/bell", "* /error"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newHttpClient();

	private Api api;

	private Company company;

	private String role;

	private TestData.Employee hr;

	private TestData.Employee rep;

	private String token;

	private WebSession browser;

	private String csrf;

	private long customerId;

	private long contactId;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华东销售部", "华东销售一组", "华南销售部");
		this.role = this.company.data.agreementRole();
		this.hr = this.company.hr();
		this.rep = this.company.rep(this.role);
		this.token = this.company.data.token(this.rep);
		Api.Response customer = this.api.post(this.token, "/api/v1/customers",
				Map.of("name", TestData.unique("苏州工业园区精密机械") + "有限公司", "kind", "COMPANY"));
		this.customerId = customer.id();
		this.contactId = this.api
			.post(this.token, "/api/v1/customers/" + this.customerId + "/contacts",
					Map.of("name", "李娜", "phone", "13912" + String.format("%06d", System.nanoTime() % 1_000_000)))
			.id();
		this.browser = new WebSession(this.port);
		this.browser.logIn(this.rep.username(), TestData.PASSWORD);
		this.csrf = WebSession.csrfToken(this.browser.get("/security/sessions"));
		// a version without grace period: closed at once
		this.company.data.publish(this.hr, this.company.data.agreement(this.hr, "苏州", this.role), 0, null);
	}

	@Test
	void encodedAndOtherSpellingsOfThePathFindTheGateClosed() throws Exception {
		HttpResponse<String> encoded = send("GET", "/api/v1/%63ustomers", null, null);
		assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(403);
		assertThat(encoded.body()).contains("agreement_required").doesNotContain("苏州工业园区精密机械");

		HttpResponse<String> reveal = send("POST", "/api/v1/%63ontacts/" + this.contactId + "/reveal",
				MediaType.APPLICATION_JSON_VALUE, "{\"field\":\"phone\",\"reason\":\"回电\"}");
		assertThat(reveal.statusCode()).as(reveal.body()).isEqualTo(403);
		assertThat(reveal.body()).contains("agreement_required").doesNotContain("139");
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor_id = ? and action = 'CONTACT_REVEALED'")
			.param(this.rep.id())
			.query(Long.class)
			.single()).isZero();

		for (String path : List.of("//api/v1/customers", "/api/v1/customers;x=1", "/api/v1/customers/",
				"/API/v1/customers", "/api/v1/./customers", "/api/v1/customers/%2B" + this.customerId,
				"/api/v1/%63ustomers/" + this.customerId + "/%63ontacts", "/api/v1/customers/" + this.customerId + "/",
				"/api/v1/customers/" + this.customerId + ";x=1/contacts")) {
			HttpResponse<String> response = send("GET", path, null, null);
			assertThat(response.statusCode()).as(path + ": " + response.body()).isNotEqualTo(200);
			assertThat(response.body()).as(path).doesNotContain("苏州工业园区精密机械", "李娜");
		}
		for (String page : List.of("/%63ustomers", "/customers/" + this.customerId,
				"/customers/" + this.customerId + "/", "/customers;x=1", "/CUSTOMERS")) {
			HttpResponse<String> response = this.browser.get(page);
			assertThat(response.statusCode()).as(page).isNotEqualTo(200);
			assertThat(response.body()).as(page).doesNotContain("苏州工业园区精密机械", "李娜");
		}
	}

	@Test
	void theRoutesTheOldPrefixListForgotAreClosed() throws Exception {
		for (String path : List.of("/api/v1/reminders", "/api/v1/complaints", "/api/v1/notifications",
				"/api/v1/dashboard", "/api/v1/key-accounts/violations", "/api/v1/care/coverage")) {
			HttpResponse<String> response = send("GET", path, null, null);
			assertThat(response.statusCode()).as(path).isEqualTo(403);
			assertThat(response.body()).as(path).contains("agreement_required");
		}
		for (String page : List.of("/reminders", "/complaints", "/notifications", "/dashboard", "/key-accounts",
				"/care/coverage", "/")) {
			HttpResponse<String> response = this.browser.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/agreements");
		}
		assertThat(this.browser.get("/agreements").statusCode()).as("the way out stays open").isEqualTo(200);
		assertThat(this.browser.get("/notifications/bell").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/v1/me", null, null).statusCode()).isEqualTo(200);
	}

	/**
	 * Every route of the application, called by the employee whose agreement is pending:
	 * each is either marked free of customer data (and listed in {@link #FREE}) or
	 * refused by the gate before its handler runs. A new route is closed unless someone
	 * marks it.
	 */
	@Test
	void everyRouteIsGatedUnlessMarkedFree() throws Exception {
		Set<String> free = new TreeSet<>();
		List<String> open = new ArrayList<>();
		int walked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> route : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = route.getKey();
			Set<String> methods = info.getMethodsCondition()
				.getMethods()
				.stream()
				.map(Enum::name)
				.collect(Collectors.toCollection(TreeSet::new));
			for (String pattern : info.getPatternValues()) {
				if (AgreementGate.isFree(route.getValue())) {
					(methods.isEmpty() ? Set.of("*") : methods).forEach(method -> free.add(method + " " + pattern));
					continue;
				}
				for (String method : methods.isEmpty() ? Set.of("GET") : methods) {
					walked++;
					String refusal = refusal(method, pattern, info, route.getValue());
					if (refusal != null) {
						open.add(method + " " + pattern + " -> " + refusal);
					}
				}
			}
		}
		assertThat(walked).as("the route table was walked").isGreaterThan(150);
		assertThat(open).as("routes neither marked free of customer data nor closed by the gate").isEmpty();
		assertThat(free).as("routes marked free of customer data").isEqualTo(FREE);
	}

	/** Calls the route; null when the gate refused it, else what came back. */
	private String refusal(String method, String pattern, RequestMappingInfo info, HandlerMethod handler)
			throws Exception {
		String path = pattern.replaceAll("\\{[^}]+}", "1").replace("/**", "/x");
		List<MediaType> consumes = new ArrayList<>(info.getConsumesCondition().getConsumableMediaTypes());
		String type = consumes.isEmpty() ? MediaType.APPLICATION_JSON_VALUE
				: consumes.get(0).isCompatibleWith(MediaType.MULTIPART_FORM_DATA) ? "multipart/form-data; boundary=x"
						: consumes.get(0).toString();
		String body = type.startsWith("multipart") ? "--x--\r\n" : type.contains("json") ? "{}" : "x";
		boolean rest = handler.hasMethodAnnotation(ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
		HttpResponse<String> response = path.startsWith("/api/v1/") ? send(method, path, type, body)
				: page(method, path, type, body);
		if (rest && response.statusCode() == 403 && response.body().contains("agreement_required")) {
			return null;
		}
		if (!rest && response.statusCode() == 302
				&& response.headers().firstValue("Location").orElse("").endsWith("/agreements")) {
			return null;
		}
		return response.statusCode() + " " + response.body().substring(0, Math.min(120, response.body().length()));
	}

	private HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + this.token)
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (type != null) {
			request.header("Content-Type", type);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request of the signed-in browser tab, with its cookies and CSRF token. */
	private HttpResponse<String> page(String method, String path, String type, String body) throws Exception {
		String cookies = this.browser.cookies()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining("; "));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Cookie", cookies)
			.header("X-CSRF-TOKEN", this.csrf)
			.header("Content-Type", type)
			.method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
