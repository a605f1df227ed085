package dev.holdfast.pool;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool pages: a rep sees the pool, claims from it and sees their own customers about
 * to return; an administrator edits pools and rules, which a rep may not.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PoolJob job;

	private Company company;

	/** A third rep of the team. */
	private Employee third;

	/** The region's own pool (no rules of its own: the company pool's apply). */
	private long regionPool;

	@BeforeAll
	void setUp() {
		this.company = TestData.given(new Api(this.port), this.jdbc).company("华东区", "杭州销售组", "西南区");
		this.third = this.company.rep();
		this.regionPool = this.company.data.pool("华东公海", this.company.region);
	}

	private WebSession logIn(Employee employee) {
		WebSession session = new WebSession(this.port);
		session.logIn(employee.username(), TestData.PASSWORD);
		return session;
	}

	@Test
	void aRepClaimsFromThePoolPageAndSeesTheirCustomersAboutToReturn() {
		long pooled = this.company.data.customerWithOneWordFollowUp(this.third, "C");
		this.company.data.returnToPool(this.third, pooled);
		long warned = this.company.data.customerWithOneWordFollowUp(this.company.colleague, "B");
		// B returns after 30 days and warns 3 days before: on day 27 the warning is due
		this.job.runAt(Instant.now().plus(Duration.ofDays(27)));
		WebSession rep = logIn(this.company.colleague);
		HttpResponse<String> detail = rep.get("/customers/" + pooled);
		assertThat(detail.statusCode()).as("readable to decide whether to claim").isEqualTo(200);
		assertThat(detail.body()).doesNotContain(this.third.username());
		assertThat(logIn(this.company.outsider).get("/customers/" + pooled).statusCode()).isEqualTo(404);

		// the region's pool: the company pool also holds what other tests' future-dated
		// runs returned
		HttpResponse<String> page = rep.get("/pool?poolId=" + this.regionPool);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"pool-customer-" + pooled + "\"")
			.contains("id=\"claim-" + pooled + "\"")
			.contains("id=\"warning-" + warned + "\"")
			.doesNotContain("pool-previous-owner");
		HttpResponse<String> claimed = rep.post("/pool/customers/" + pooled + "/claim",
				Map.of("_csrf", WebSession.csrfToken(page)));

		assertThat(claimed.statusCode()).isEqualTo(302);
		assertThat(claimed.headers().firstValue("Location").orElseThrow()).endsWith("/customers/" + pooled);
		assertThat(this.company.data.ownerOf(pooled)).isEqualTo(this.company.colleague.id());
		assertThat(rep.get("/pool").body()).doesNotContain("id=\"pool-customer-" + pooled + "\"");
		// a second claim of a customer taken from the pool (issue 12, item 7): a
		// conflict,
		// 409 like every form's, its reason in place of the card
		HttpResponse<String> again = rep.post("/pool/customers/" + pooled + "/claim",
				Map.of("_csrf", WebSession.csrfToken(page)), "HX-Request", "true");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).doesNotContain("<html");
	}

	@Test
	void anAdministratorEditsPoolRulesWhichARepMayNotSee() {
		WebSession admin = new WebSession(this.port);
		admin.logIn("admin", TestData.ADMIN_PASSWORD);
		HttpResponse<String> page = admin.get("/admin/pools");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"pool-" + this.regionPool + "\"").contains("公司公海");

		// switching level A off in the region pool: the same as the company pool's rule
		HttpResponse<String> saved = admin.post("/admin/pools/" + this.regionPool + "/rules/A",
				Map.of("_csrf", WebSession.csrfToken(page), "returnAfterDays", "", "noProgressDays", "", "warnDays",
						"0", "active", "false"));
		HttpResponse<String> refused = admin.post("/admin/pools/" + this.regionPool + "/rules/A",
				Map.of("_csrf", WebSession.csrfToken(page), "warnDays", "-1", "active", "true"));

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("select active from pool_rule where pool_id = ? and level = 'A'")
			.param(this.regionPool)
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(logIn(this.company.owner).get("/admin/pools").statusCode()).isEqualTo(403);
	}

	/**
	 * Issue 12, item 7: a level's rule refused by its annotations shows that rule again
	 * as typed, with 422 and the message at the field, in the reader's language.
	 */
	@Test
	void aRefusedRuleIsShownAsTypedWithItsMessage() {
		WebSession admin = new WebSession(this.port);
		admin.logIn("admin", TestData.ADMIN_PASSWORD);
		String csrf = WebSession.csrfToken(admin.get("/admin/pools?lang=en"));
		Map<String, String> rule = Map.of("_csrf", csrf, "returnAfterDays", "-5", "noProgressDays", "45", "warnDays",
				"2", "active", "true");

		HttpResponse<String> english = admin.post("/admin/pools/" + this.regionPool + "/rules/B", rule);
		assertThat(english.statusCode()).isEqualTo(422);
		assertThat(english.body()).contains("id=\"error-returnAfterDays\"", "must be at least 1", "value=\"-5\"",
				"value=\"45\"");
		admin.get("/admin/pools?lang=zh_CN");
		HttpResponse<String> chinese = admin.post("/admin/pools/" + this.regionPool + "/rules/B", rule);
		assertThat(chinese.statusCode()).isEqualTo(422);
		assertThat(chinese.body()).contains("id=\"error-returnAfterDays\"", "不能小于 1", "value=\"-5\"");
	}

	/**
	 * Returning a customer to the pool (退回公海) from its page: the section offers the form,
	 * with its confirmation, to the owner and to a manager over them, not to a peer (404)
	 * nor for a locked customer; a blank reason is shown again with its message (422),
	 * and a reason returns it through the same service as the API.
	 */
	@Test
	void theOwnerReturnsACustomerToThePoolFromItsPage() {
		long id = this.company.data.customerWithOneWordFollowUp(this.third, "C");
		long locked = this.company.data.customerWithOneWordFollowUp(this.third, "C");
		new Api(this.port).post(this.company.token(this.company.manager), "/api/v1/customers/" + locked + "/lock",
				Map.of("reason", "年底续约"));
		WebSession owner = logIn(this.third);
		HttpResponse<String> page = owner.get("/customers/" + id + "?lang=zh_CN");
		assertThat(page.body()).contains("/customers/" + id + "/pool-return");
		HttpResponse<String> section = owner.get("/customers/" + id + "/pool-return", "HX-Request", "true");
		assertThat(section.statusCode()).isEqualTo(200);
		assertThat(section.body()).contains("id=\"pool-return-form\"", "确定要将此客户退回公海吗", "退回原因").doesNotContain("<html");
		assertThat(section.body()).contains("<details id=\"pool-return-details\">");
		assertThat(owner.get("/customers/" + id + "/pool-return").body()).as("a page of its own shows the form open")
			.contains("<html")
			.contains("<details id=\"pool-return-details\" open");
		assertThat(owner.get("/customers/" + id + "/pool-return?lang=en", "HX-Request", "true").body())
			.contains("Return this customer to the public pool?");
		assertThat(owner.get("/customers/" + locked + "/pool-return", "HX-Request", "true").body())
			.as("a locked customer stays")
			.doesNotContain("pool-return-form");
		assertThat(logIn(this.company.manager).get("/customers/" + id + "/pool-return", "HX-Request", "true").body())
			.contains("pool-return-form");
		WebSession peer = logIn(this.company.colleague);
		assertThat(peer.get("/customers/" + id + "/pool-return", "HX-Request", "true").statusCode()).isEqualTo(404);
		String csrf = WebSession.csrfToken(page);
		assertThat(peer
			.post("/customers/" + id + "/return-to-pool",
					Map.of("reason", "不是我的", "_csrf", WebSession.csrfToken(peer.get("/pool"))))
			.statusCode()).isEqualTo(404);

		HttpResponse<String> blank = owner.post("/customers/" + id + "/return-to-pool?lang=zh_CN",
				Map.of("reason", "  ", "_csrf", csrf));
		assertThat(blank.statusCode()).isEqualTo(422);
		assertThat(blank.body()).contains("id=\"error-reason\"", "请您说明原因", "id=\"pool-return-form\"");
		assertThat(this.company.data.ownerOf(id)).isEqualTo(this.third.id());

		HttpResponse<String> returned = owner.post("/customers/" + id + "/return-to-pool",
				Map.of("reason", "客户今年没有采购预算", "_csrf", csrf));
		assertThat(returned.statusCode()).isEqualTo(302);
		assertThat(returned.headers().firstValue("Location").orElseThrow()).endsWith("/pool");
		assertThat(this.company.data.ownerOf(id)).isNull();
		assertThat(this.jdbc
			.sql("select reason from customer_owner_history where customer_id = ? and kind = 'POOL_RETURN'")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("客户今年没有采购预算");
		assertThat(owner.get("/pool?lang=zh_CN").body()).contains("客户已退回公海");
	}

}
