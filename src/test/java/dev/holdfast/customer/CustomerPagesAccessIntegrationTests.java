package dev.holdfast.customer;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.CustomerWithHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every web page and form about one customer, used by a logged-in employee who must not
 * see it: the answer is the one for a customer that does not exist, it shows nothing of
 * the customer, and a form changes nothing. A new page under {@code /customers/{id}}
 * without a case here fails {@link #everyCustomerPageHasAnAccessCase()}.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerPagesAccessIntegrationTests {

	private static final long MISSING = 987_654_321L;

	record Ids(long customer, long contact, long employee, long followUp) {
	}

	record Page(String method, Function<Ids, String> path, Map<String, String> form) {
	}

	private static final Map<String, Page> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("GET /customers/{id}", new Page("GET", ids -> "/customers/" + ids.customer(), null));
		PAGES.put("GET /customers/{id}/edit", new Page("GET", ids -> "/customers/" + ids.customer() + "/edit", null));
		PAGES.put("POST /customers/{id}", new Page("POST", ids -> "/customers/" + ids.customer(),
				Map.of("name", "改名公司", "kind", "COMPANY", "level", "A", "version", "0")));
		PAGES.put("POST /customers/{id}/archive",
				new Page("POST", ids -> "/customers/" + ids.customer() + "/archive", Map.of()));
		PAGES.put("GET /customers/{customerId}/contacts",
				new Page("GET", ids -> "/customers/" + ids.customer() + "/contacts", null));
		PAGES.put("POST /customers/{customerId}/contacts",
				new Page("POST", ids -> "/customers/" + ids.customer() + "/contacts", Map.of("name", "潜入者")));
		PAGES.put("GET /customers/{customerId}/contacts/{contactId}",
				new Page("GET", ids -> "/customers/" + ids.customer() + "/contacts/" + ids.contact(), null));
		PAGES.put("POST /customers/{customerId}/contacts/{contactId}",
				new Page("POST", ids -> "/customers/" + ids.customer() + "/contacts/" + ids.contact(),
						Map.of("name", "改了", "version", "0")));
		PAGES.put("POST /customers/{customerId}/contacts/{contactId}/reveal",
				new Page("POST", ids -> "/customers/" + ids.customer() + "/contacts/" + ids.contact() + "/reveal",
						Map.of("field", "phone")));
		PAGES.put("POST /customers/{customerId}/reveal",
				new Page("POST", ids -> "/customers/" + ids.customer() + "/reveal", Map.of("reason", "送样品")));
		PAGES.put("GET /customers/{customerId}/history",
				new Page("GET", ids -> "/customers/" + ids.customer() + "/history", null));
		PAGES.put("POST /customers/{customerId}/history/{revisionId}/restore", new Page("POST",
				ids -> "/customers/" + ids.customer() + "/history/1/restore", Map.of("entity", "customer")));
		PAGES.put("GET /customers/{customerId}/members",
				new Page("GET", ids -> "/customers/" + ids.customer() + "/members", null));
		PAGES.put("POST /customers/{customerId}/members",
				new Page("POST", ids -> "/customers/" + ids.customer() + "/members",
						Map.of("employeeId", "{employee}", "access", "WRITE")));
		PAGES.put("POST /customers/{customerId}/members/{employeeId}/remove", new Page("POST",
				ids -> "/customers/" + ids.customer() + "/members/" + ids.employee() + "/remove", Map.of()));
		PAGES.put("GET /customers/{customerId}/transfer",
				new Page("GET", ids -> "/customers/" + ids.customer() + "/transfer", null));
		PAGES.put("POST /customers/{customerId}/transfer", new Page("POST",
				ids -> "/customers/" + ids.customer() + "/transfer", Map.of("newOwnerId", "{employee}")));
		PAGES.put("GET /customers/{customerId}/follow-ups",
				new Page("GET", ids -> "/customers/" + ids.customer() + "/follow-ups", null));
		PAGES.put("POST /customers/{customerId}/follow-ups", new Page("POST",
				ids -> "/customers/" + ids.customer() + "/follow-ups", Map.of("kind", "CALL", "content", "偷偷记一笔")));
		PAGES.put("GET /customers/{customerId}/handover-notes",
				new Page("GET", ids -> "/customers/" + ids.customer() + "/handover-notes", null));
		PAGES.put("GET /customers/{customerId}/care",
				new Page("GET", ids -> "/customers/" + ids.customer() + "/care", null));
		PAGES.put("POST /customers/{customerId}/care-visits", new Page("POST",
				ids -> "/customers/" + ids.customer() + "/care-visits", Map.of("dueOn", "2030-01-01", "note", "潜入")));
		PAGES.put("POST /customers/{customerId}/complaints",
				new Page("POST", ids -> "/customers/" + ids.customer() + "/complaints",
						Map.of("summary", "冒充投诉", "severity", "LOW", "channel", "PHONE")));
		PAGES.put("GET /customers/{customerId}/pool-return",
				new Page("GET", ids -> "/customers/" + ids.customer() + "/pool-return", null));
		PAGES.put("POST /customers/{customerId}/return-to-pool",
				new Page("POST", ids -> "/customers/" + ids.customer() + "/return-to-pool", Map.of("reason", "不想跟了")));
		PAGES.put("GET /customers/{customerId}/follow-ups/fields",
				new Page("GET", ids -> "/customers/" + ids.customer() + "/follow-ups/fields?kind=VISIT", null));
		PAGES.put("GET /customers/{customerId}/follow-ups/{followUpId}",
				new Page("GET", ids -> "/customers/" + ids.customer() + "/follow-ups/" + ids.followUp(), null));
		PAGES.put("POST /customers/{customerId}/follow-ups/{followUpId}",
				new Page("POST", ids -> "/customers/" + ids.customer() + "/follow-ups/" + ids.followUp(),
						Map.of("kind", "CALL", "content", "篡改", "version", "0")));
		PAGES.put("POST /customers/{customerId}/follow-ups/{followUpId}/attachments", new Page("POST",
				ids -> "/customers/" + ids.customer() + "/follow-ups/" + ids.followUp() + "/attachments", Map.of()));
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	private Company company;

	private CustomerWithHistory known;

	private String customerName;

	@BeforeAll
	void setUp() {
		Api api = new Api(this.port);
		this.company = TestData.given(api).company("华南区", "深圳销售一组", "华北区");
		this.known = this.company.data.customerWithHistory(this.company.owner);
		this.customerName = api.get(this.company.token(this.company.owner), "/api/v1/customers/" + this.known.id())
			.text("name");
	}

	@Test
	void everyCustomerPageHasAnAccessCase() {
		Set<String> pages = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/customers/{")) {
					info.getMethodsCondition().getMethods().forEach(method -> pages.add(method + " " + pattern));
				}
			}
		}
		assertThat(pages).as("customer pages without an access case").isEqualTo(new TreeSet<>(PAGES.keySet()));
	}

	Stream<Arguments> pages() {
		return PAGES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void anOutsiderGetsWhatAMissingCustomerGetsAndChangesNothing(String name, Page page) {
		WebSession outsider = new WebSession(this.port);
		outsider.logIn(this.company.outsider.username(), TestData.PASSWORD);
		assertThat(outsider.get("/customers").statusCode()).as("the outsider is logged in").isEqualTo(200);
		String csrf = WebSession.csrfToken(outsider.get("/"));
		Ids real = new Ids(this.known.id(), this.known.contactId(), this.company.colleague.id(),
				this.known.followUpId());
		Ids missing = new Ids(MISSING, MISSING, this.company.colleague.id(), MISSING);
		String before = state();

		HttpResponse<String> forbidden = call(outsider, page, real, csrf);
		HttpResponse<String> absent = call(outsider, page, missing, csrf);

		assertThat(forbidden.statusCode()).as(name).isEqualTo(absent.statusCode()).isIn(302, 404);
		if (forbidden.statusCode() == 302) {
			// a redirect back to the customer page, which then answers 404: it must not
			// depend on the customer
			assertThat(forbidden.headers()
				.firstValue("Location")
				.orElseThrow()
				.replace("/customers/" + real.customer(), "/customers/ID"))
				.isEqualTo(absent.headers()
					.firstValue("Location")
					.orElseThrow()
					.replace("/customers/" + missing.customer(), "/customers/ID"));
		}
		assertThat(forbidden.body()).doesNotContain(this.customerName).doesNotContain("李娜");
		assertThat(state()).as("nothing changed").isEqualTo(before);
	}

	private HttpResponse<String> call(WebSession session, Page page, Ids ids, String csrf) {
		if (page.method().equals("GET")) {
			return session.get(page.path().apply(ids));
		}
		Map<String, String> form = new LinkedHashMap<>(page.form());
		form.replaceAll((key, value) -> value.equals("{employee}") ? String.valueOf(ids.employee()) : value);
		form.put("_csrf", csrf);
		return session.post(page.path().apply(ids), form);
	}

	/** Everything a form could change about the customer, as one string. */
	private String state() {
		return this.jdbc.sql("""
				select c.version || '|' || c.name || '|' || coalesce(c.archived_at::text, '-')
				       || '|' || (select count(*) from contact where customer_id = c.id)
				       || '|' || (select string_agg(version::text, ',') from contact where customer_id = c.id)
				       || '|' || coalesce(c.owner_id::text, '-')
				       || '|' || (select count(*) from customer_member where customer_id = c.id and removed_at is null)
				       || '|' || (select count(*) || ':' || max(version) from follow_up where customer_id = c.id)
				from customer c where c.id = ?""").param(this.known.id()).query(String.class).single();
	}

}
