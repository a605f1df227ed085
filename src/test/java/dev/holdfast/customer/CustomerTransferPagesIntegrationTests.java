package dev.holdfast.customer;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.CustomerWithHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transfer forms of the web UI: on the customer page, and the bulk mode of the list
 * for managers, with errors next to the fields.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerTransferPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private Company company;

	private CustomerWithHistory known;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华南区", "深圳销售一组", "华北区");
		this.known = this.company.data.customerWithHistory(this.company.owner);
	}

	@Test
	void aManagerTransfersFromTheCustomerPage() {
		long id = this.company.customerOf(this.company.owner);
		WebSession manager = logIn(this.company.manager);
		HttpResponse<String> form = manager.get("/customers/" + id + "/transfer");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"transfer-form\"").contains("name=\"newOwnerId\"");
		assertThat(form.body()).as("a page of its own shows the form open (the role walk: one more tap)")
			.contains("<details id=\"transfer-details\" open");
		assertThat(manager.get("/customers/" + id + "/transfer", "HX-Request", "true").body())
			.as("on the customer's page it stays closed")
			.contains("<details id=\"transfer-details\">");
		String csrf = WebSession.csrfToken(form);

		HttpResponse<String> missing = manager.post("/customers/" + id + "/transfer",
				Map.of("oldOwnerAccess", "READ", "_csrf", csrf));
		assertThat(missing.statusCode()).isEqualTo(422);
		assertThat(missing.body()).contains("id=\"error-newOwnerId\"");

		HttpResponse<String> moved = manager.post("/customers/" + id + "/transfer",
				Map.of("newOwnerId", String.valueOf(this.company.colleague.id()), "oldOwnerAccess", "READ", "reason",
						"客户要求更换对接人", "_csrf", csrf));
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/customers/" + id);
		assertThat(ownerOf(id)).isEqualTo(this.company.colleague.id());
		assertThat(manager.get("/customers/" + id).body()).contains("id=\"flash\"");
	}

	@Test
	void theLimitIsShownInTheFormAndARepSeesNoForm() {
		long id = this.company.customerOf(this.company.owner);
		String token = this.company.token(this.company.manager);
		for (Employee to : new Employee[] { this.company.colleague, this.company.owner }) {
			assertThat(this.api.post(token, "/api/v1/customers/" + id + "/transfer", Map.of("newOwnerId", to.id()))
				.status()).isEqualTo(200);
		}
		WebSession manager = logIn(this.company.manager);
		String csrf = WebSession.csrfToken(manager.get("/customers/" + id + "/transfer"));

		HttpResponse<String> third = manager.post("/customers/" + id + "/transfer",
				Map.of("newOwnerId", String.valueOf(this.company.colleague.id()), "_csrf", csrf));

		assertThat(third.statusCode()).isEqualTo(409);
		assertThat(third.body()).contains("id=\"error-form\"").contains("90");
		assertThat(ownerOf(id)).isEqualTo(this.company.owner.id());
		WebSession rep = logIn(this.company.owner);
		assertThat(rep.get("/customers/" + id + "/transfer").statusCode()).isEqualTo(403);
		assertThat(rep.get("/customers").body()).doesNotContain("bulk-transfer-form");
	}

	@Test
	void aManagerTransfersTickedCustomersFromTheList() {
		long first = this.company.customerOf(this.company.owner);
		long second = this.company.customerOf(this.company.colleague);
		WebSession manager = logIn(this.company.manager);
		HttpResponse<String> list = manager.get("/customers");
		assertThat(list.body()).contains("id=\"bulk-transfer-form\"").contains("id=\"pick-" + first + "\"");

		HttpResponse<String> moved = manager.post("/customers/transfer",
				bulk(WebSession.csrfToken(list), this.company.manager, first, second));

		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(ownerOf(first)).isEqualTo(this.company.manager.id());
		assertThat(ownerOf(second)).isEqualTo(this.company.manager.id());
		assertThat(manager.get("/customers").body()).contains("id=\"bulk-transferred\"");
	}

	/**
	 * Issue 14, item 5: the list leaves the bulk form's choice of new owner out, and
	 * loads it when the form is opened (or, without JavaScript, shows the list with the
	 * form open); it offers only whom the manager may transfer to: the region's reps and
	 * themselves, not the other region's manager and rep or an administrator. A refused
	 * bulk form shows the choice again.
	 */
	@Test
	void theBulkFormLoadsItsChoiceOfOwnersWhenOpenedAndOffersOnlyThoseInScope() {
		Employee admin = this.company.data.employee("adm", null, null, "ADMIN");
		WebSession manager = logIn(this.company.manager);
		HttpResponse<String> list = manager.get("/customers");
		assertThat(list.body())
			.contains("id=\"bulk-transfer-form\"", "id=\"bt-owner-later\"", "hx-get=\"/customers/transfer/candidates\"",
					"href=\"/customers?page=0&amp;bulk=open\"")
			.doesNotContain("id=\"bt-owner\"");

		HttpResponse<String> candidates = manager.get("/customers/transfer/candidates");
		assertThat(candidates.statusCode()).isEqualTo(200);
		assertThat(candidates.body()).contains("id=\"bt-owner\"", "name=\"newOwnerId\"").doesNotContain("<html");
		for (Employee offered : new Employee[] { this.company.colleague, this.company.owner, this.company.manager }) {
			assertThat(candidates.body()).contains("value=\"" + offered.id() + "\"");
		}
		for (Employee outside : new Employee[] { this.company.outsider, this.company.otherManager, admin }) {
			assertThat(candidates.body()).doesNotContain("value=\"" + outside.id() + "\"");
		}

		HttpResponse<String> open = manager.get("/customers?bulk=open");
		assertThat(open.body()).contains("id=\"bt-owner\"", "value=\"" + this.company.colleague.id() + "\"")
			.containsPattern("<details id=\"bulk-transfer\"[^>]*\\sopen");
		HttpResponse<String> refused = manager.post("/customers/transfer",
				bulk(WebSession.csrfToken(list), this.company.outsider, this.company.customerOf(this.company.owner)));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"bt-owner\"", "id=\"error-newOwnerId\"");
	}

	@Test
	void aBulkTransferOverTheLimitMarksTheCustomerAndMovesNone() {
		long fresh = this.company.customerOf(this.company.owner);
		long busy = this.company.customerOf(this.company.owner);
		String token = this.company.token(this.company.manager);
		for (Employee to : new Employee[] { this.company.colleague, this.company.owner }) {
			this.api.post(token, "/api/v1/customers/" + busy + "/transfer", Map.of("newOwnerId", to.id()));
		}
		WebSession manager = logIn(this.company.manager);

		HttpResponse<String> refused = manager.post("/customers/transfer",
				bulk(WebSession.csrfToken(manager.get("/customers")), this.company.colleague, fresh, busy));

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("id=\"error-form\"").contains("table-danger");
		assertThat(ownerOf(fresh)).isEqualTo(this.company.owner.id());
		HttpResponse<String> none = manager.post("/customers/transfer",
				Map.of("newOwnerId", "1", "_csrf", WebSession.csrfToken(manager.get("/customers"))));
		assertThat(none.statusCode()).isEqualTo(422);
		assertThat(none.body()).contains("id=\"error-customerIds\"");
	}

	@Test
	void anOutsiderTickingSomeoneElsesCustomerGetsNotFoundAndNothingMoves() {
		WebSession outsider = logIn(this.company.outsider);
		String csrf = WebSession.csrfToken(outsider.get("/customers"));
		HttpResponse<String> real = outsider.post("/customers/transfer",
				bulk(csrf, this.company.outsider, this.known.id()));
		HttpResponse<String> missing = outsider.post("/customers/transfer",
				bulk(csrf, this.company.outsider, 987_654_321L));
		assertThat(real.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
		assertThat(ownerOf(this.known.id())).isEqualTo(this.company.owner.id());
	}

	/**
	 * Issue 12, item 7: values Spring cannot bind (an owner "abc", a day 2020-99-99, an
	 * unknown access) show the transfer, bulk and team forms again with 422, what was
	 * typed and a message at each field, in the reader's language; nothing moves.
	 */
	@Test
	void valuesOfTheWrongTypeShowTheFormsAgainWithTheirMessages() {
		long id = this.company.customerOf(this.company.owner);
		WebSession manager = logIn(this.company.manager);
		String csrf = WebSession.csrfToken(manager.get("/customers/" + id + "?lang=en"));

		HttpResponse<String> transfer = manager.post("/customers/" + id + "/transfer", Map.of("newOwnerId", "abc",
				"oldOwnerAccess", "BOGUS", "expiresOn", "2020-99-99", "reason", "客户要求更换对接人", "_csrf", csrf));
		assertThat(transfer.statusCode()).isEqualTo(422);
		assertThat(transfer.body()).contains("id=\"transfer-form\"")
			.contains("id=\"error-newOwnerId\"", "id=\"error-oldOwnerAccess\"", "id=\"error-accessExpiresAt\"")
			.contains("has a value of the wrong type or format")
			.contains("客户要求更换对接人");

		HttpResponse<String> bulk = manager.post("/customers/transfer",
				Map.of("customerIds", String.valueOf(id), "newOwnerId", "abc", "reason", "区域调整", "_csrf", csrf));
		assertThat(bulk.statusCode()).isEqualTo(422);
		assertThat(bulk.body()).contains("id=\"bulk-transfer-form\"", "id=\"error-newOwnerId\"", "区域调整");

		manager.get("/customers/" + id + "?lang=zh_CN");
		HttpResponse<String> team = manager.post("/customers/" + id + "/members",
				Map.of("employeeId", String.valueOf(this.company.colleague.id()), "access", "BOGUS", "expiresOn",
						"2020-99-99", "_csrf", csrf));
		assertThat(team.statusCode()).isEqualTo(422);
		assertThat(team.body()).contains("id=\"member-form\"", "id=\"error-access\"", "格式不正确")
			.containsPattern("value=\"" + this.company.colleague.id() + "\"\\s+selected");
		HttpResponse<String> noOwner = manager.post("/customers/" + id + "/transfer",
				Map.of("newOwnerId", "abc", "_csrf", csrf));
		assertThat(noOwner.statusCode()).isEqualTo(422);
		assertThat(noOwner.body()).contains("id=\"error-newOwnerId\"", "格式不正确");
		assertThat(ownerOf(id)).isEqualTo(this.company.owner.id());
	}

	/**
	 * Deny before validate: a rep may not transfer at all, so a mistyped or incomplete
	 * transfer of theirs answers 403 as the form's page does, never 422 with the form and
	 * its owner picker; nothing moves.
	 */
	@Test
	void aRepsMistypedTransferIsRefusedBeforeItsInputIsLookedAt() {
		long id = this.company.customerOf(this.company.owner);
		WebSession rep = logIn(this.company.owner);
		String csrf = WebSession.csrfToken(rep.get("/customers/" + id));
		assertThat(rep.get("/customers/" + id + "/transfer").statusCode()).isEqualTo(403);

		HttpResponse<String> mistyped = rep.post("/customers/" + id + "/transfer",
				Map.of("newOwnerId", "abc", "reason", "王芳要求换人", "_csrf", csrf));
		assertThat(mistyped.statusCode()).isEqualTo(403);
		assertThat(mistyped.body()).doesNotContain("id=\"transfer-form\"").doesNotContain("王芳要求换人");
		HttpResponse<String> bulkMistyped = rep.post("/customers/transfer",
				Map.of("customerIds", String.valueOf(id), "newOwnerId", "abc", "_csrf", csrf));
		assertThat(bulkMistyped.statusCode()).isEqualTo(403);
		HttpResponse<String> noneTicked = rep.post("/customers/transfer",
				Map.of("newOwnerId", String.valueOf(this.company.colleague.id()), "_csrf", csrf));
		assertThat(noneTicked.statusCode()).isEqualTo(403);
		assertThat(noneTicked.body()).doesNotContain("bulk-transfer-form");
		assertThat(ownerOf(id)).isEqualTo(this.company.owner.id());
	}

	private Map<String, String> bulk(String csrf, Employee to, long... ids) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("newOwnerId", String.valueOf(to.id()));
		form.put("oldOwnerAccess", "WRITE");
		form.put("_csrf", csrf);
		// WebSession sends a map: several customerIds go as one comma-separated value
		form.put("customerIds", Arrays.stream(ids).mapToObj(String::valueOf).collect(Collectors.joining(",")));
		return form;
	}

	private WebSession logIn(Employee employee) {
		WebSession session = new WebSession(this.port);
		session.logIn(employee.username(), TestData.PASSWORD);
		return session;
	}

	private long ownerOf(long id) {
		return this.jdbc.sql("select owner_id from customer where id = ?").param(id).query(Long.class).single();
	}

}
