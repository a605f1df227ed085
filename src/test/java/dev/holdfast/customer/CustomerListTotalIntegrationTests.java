package dev.holdfast.customer;

import java.util.List;
import java.util.Set;

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
import dev.holdfast.WebSession;
import dev.holdfast.customer.contact.ContactIndex;
import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer list's total: exact up to {@code holdfast.customer.exact-total-limit}, a
 * lower bound above it, counted by stopping each part of the visibility union one row
 * past the limit (issue 14: an exact total over 391,465 visible customers cost more than
 * the page).
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerListTotalIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ContactIndex index;

	private Api api;

	private Company company;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		TestData data = TestData.given(this.api, this.jdbc);
		this.company = data.company("西北区", "西安销售一组", "东北区");
		data.own(this.company.owner, 7);
		// a customer of the other region the manager is a member of: the union's second
		// part
		long elsewhere = data.customerOf(this.company.outsider);
		this.jdbc
			.sql("insert into customer_member (customer_id, employee_id, access, added_by) values (?, ?, 'READ', ?)")
			.params(elsewhere, this.company.manager.id(), this.company.outsider.id())
			.update();
	}

	private CustomerSearch.Total total(int limit) {
		CustomerSearch search = new CustomerSearch(this.jdbc, this.index,
				new CustomerListProperties(limit, 2000, limit));
		OwnerScope region = new OwnerScope(false,
				Set.of(this.company.manager.id(), this.company.owner.id(), this.company.colleague.id()));
		return search
			.count(search.statement(this.company.manager.id(), region, CustomerQuery.all(), new PageRequest(0, 2)));
	}

	@Test
	void belowTheLimitTheTotalIsExactAndCountsBothPartsOfTheUnion() {
		assertThat(total(100)).isEqualTo(new CustomerSearch.Total(8, true));
		assertThat(total(8)).isEqualTo(new CustomerSearch.Total(8, true));
	}

	@Test
	void aboveTheLimitTheTotalIsTheLimitAsALowerBound() {
		assertThat(total(7)).isEqualTo(new CustomerSearch.Total(7, false));
		assertThat(total(3)).isEqualTo(new CustomerSearch.Total(3, false));
	}

	@Test
	void aNameSearchsTotalStopsAtTheLowerSearchLimit() {
		TestData data = TestData.given(this.api, this.jdbc);
		var rep = data.employee("searcher", this.company.team, this.company.manager.id(), "SALES");
		String word = TestData.unique("云帆");
		for (int i = 0; i < 5; i++) {
			data.customer(rep, TestData.customerFields(word + "科技" + i));
		}
		data.own(rep, 3);
		OwnerScope scope = new OwnerScope(false, Set.of(rep.id()));
		CustomerQuery byName = new CustomerQuery(word, null, null, false);
		// exact up to the search's own limit, a lower bound past it; the list's limit
		// bounds it too
		assertThat(total(100, 5, rep.id(), scope, byName)).isEqualTo(new CustomerSearch.Total(5, true));
		assertThat(total(100, 4, rep.id(), scope, byName)).isEqualTo(new CustomerSearch.Total(4, false));
		assertThat(total(3, 4, rep.id(), scope, byName)).isEqualTo(new CustomerSearch.Total(3, false));
		// the list without a search counts to the list's limit: 5 and 3
		assertThat(total(100, 4, rep.id(), scope, CustomerQuery.all())).isEqualTo(new CustomerSearch.Total(8, true));
		// a search by phone number is exact as before (it finds at most a few customers)
		assertThat(new CustomerSearch(this.jdbc, this.index, new CustomerListProperties(100, 2000, 4))
			.statement(rep.id(), scope, new CustomerQuery("13812345678", null, null, false), new PageRequest(0, 2))
			.countLimit()).isEqualTo(100);
	}

	private CustomerSearch.Total total(int exactTotalLimit, int exactSearchTotalLimit, long me, OwnerScope scope,
			CustomerQuery query) {
		CustomerSearch search = new CustomerSearch(this.jdbc, this.index,
				new CustomerListProperties(exactTotalLimit, 2000, exactSearchTotalLimit));
		return search.count(search.statement(me, scope, query, new PageRequest(0, 2)));
	}

	@Test
	void theApiSaysWhetherItsTotalIsExact() {
		Api.Response page = this.api.get(this.company.token(this.company.owner), "/api/v1/customers?size=2");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body().get("total").asLong()).isEqualTo(7);
		assertThat(page.body().get("totalExact").asBoolean()).isTrue();
	}

	/**
	 * Customers named 星河… for the owner at given ages (days ago), newest last; the first
	 * page of "星河" from a walk of {@code walk} customers must equal the bigram query's
	 * page, whichever answered.
	 */
	private void assertWalkAgrees(int walk, boolean walkAnswers, int... daysAgo) {
		TestData data = TestData.given(this.api, this.jdbc);
		var rep = data.employee("walk", this.company.team, this.company.manager.id(), "SALES");
		String word = TestData.unique("星河");
		for (int days : daysAgo) {
			long id = data.customer(rep, TestData.customerFields(word + "贸易" + days));
			this.jdbc.sql("update customer set updated_at = now() - make_interval(days => ?) where id = ?")
				.params(days, id)
				.update();
		}
		data.own(rep, 5); // newest of all, not matching
		CustomerSearch search = new CustomerSearch(this.jdbc, this.index,
				new CustomerListProperties(10000, walk, 1000));
		CustomerSearch.Statement statement = search.statement(rep.id(), new OwnerScope(false, Set.of(rep.id())),
				new CustomerQuery(word, null, null, false), new PageRequest(0, 2));
		int walkedMatches = this.jdbc.sql(statement.walkSql())
			.params(statement.params())
			.param("walk", walk)
			.query((rs, n) -> rs.getLong("id"))
			.list()
			.size();
		assertThat(walkedMatches == 2).as("the walk found a full page").isEqualTo(walkAnswers);
		List<String> walked = search.firstPage(statement).stream().map(CustomerSummary::name).toList();
		List<String> paged = search.page(statement).stream().map(CustomerSummary::name).toList();
		assertThat(walked).isEqualTo(paged).hasSize(2).allMatch(n -> n.startsWith(word));
	}

	@Test
	void aNameSearchsFirstPageFoundAmongTheNewestIsTheSameAsTheBigramQuerys() {
		assertWalkAgrees(10, true, 1, 2, 3, 40);
	}

	@Test
	void aNameSearchWhoseMatchesAreOlderThanTheWalkFallsBackToTheBigramQuery() {
		assertWalkAgrees(6, false, 30, 40, 50);
	}

	@Test
	void aPhoneSearchHasNoWalk() {
		CustomerSearch search = new CustomerSearch(this.jdbc, this.index,
				new CustomerListProperties(10000, 2000, 1000));
		assertThat(search
			.statement(this.company.owner.id(), new OwnerScope(false, Set.of(this.company.owner.id())),
					new CustomerQuery("13812345678", null, null, false), new PageRequest(0, 2))
			.walkSql()).isNull();
	}

	@Test
	void aPageFarPastTheEndDoesNotRaiseALowerBoundToItsOffset() {
		// the limit 10,000 counted 10,001: a page number of 1,000,000 (size 200) found
		// nothing, and must not claim 200,000,000 customers at least
		CustomerSearch.Total bound = new CustomerSearch.Total(10000, false);
		assertThat(bound.seenOnPage(200_000_000L, 0, 200)).isEqualTo(bound);
		// a full page past the bound raises it; one that is not full ends the list
		assertThat(bound.seenOnPage(12_000, 200, 200)).isEqualTo(new CustomerSearch.Total(12_200, false));
		assertThat(bound.seenOnPage(12_000, 7, 200)).isEqualTo(new CustomerSearch.Total(12_007, true));
		assertThat(bound.seenOnPage(0, 200, 200)).isEqualTo(bound);
		// an exact total stays as counted
		assertThat(new CustomerSearch.Total(8, true).seenOnPage(200_000_000L, 0, 200))
			.isEqualTo(new CustomerSearch.Total(8, true));
	}

	@Test
	void theApisTotalOfAPageFarPastTheEndIsTheCount() {
		Api.Response page = this.api.get(this.company.token(this.company.owner),
				"/api/v1/customers?size=200&page=1000000");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body().get("items").size()).isZero();
		assertThat(page.body().get("total").asLong()).isEqualTo(7);
		assertThat(page.body().get("totalExact").asBoolean()).isTrue();
	}

	@Test
	void aLowerBoundLeavesTheNextPageOpenWhileThisPageIsFull() {
		PageResult<String> full = new PageResult<>(List.of("甲", "乙"), 4, 2, 10, false);
		assertThat(full.totalPages()).isEqualTo(6);
		PageResult<String> last = new PageResult<>(List.of("丙"), 5, 2, 11, false);
		assertThat(last.totalPages()).isEqualTo(6);
		assertThat(new PageResult<>(List.of("甲", "乙"), 0, 2, 10, true).totalPages()).isEqualTo(5);
	}

	@Test
	void thePageSaysHowManyAListOfOnePageHoldsAndAPagePastTheEndLinksBackToTheLast() {
		WebSession owner = new WebSession(this.port);
		owner.logIn(this.company.owner.username(), TestData.PASSWORD);
		// seven customers: one page of 20
		String one = owner.get("/customers?lang=zh_CN").body();
		assertThat(one).contains("共 7 条").doesNotContain("class=\"pagination");
		// a hand-written page number past the end: no "第 100 / 1 页", a way back instead
		String beyond = owner.get("/customers?page=99&lang=zh_CN").body();
		assertThat(beyond).contains("此页没有记录（共 7 条）").contains("最后一页").doesNotContain("第 100");
		assertThat(beyond).containsPattern("href=\"/customers\\?page=0\"[^>]*>最后一页");
		assertThat(owner.get("/customers?page=99&lang=en").body()).contains("No entries on this page (7 in all)");
	}

	@Test
	void theOwnerFilterOffersOnlyThoseWhoseCustomersTheManagerSees() {
		WebSession manager = new WebSession(this.port);
		manager.logIn(this.company.manager.username(), TestData.PASSWORD);
		String page = manager.get("/customers").body();
		String filter = page.substring(page.indexOf("id=\"customer-owner\""));
		filter = filter.substring(0, filter.indexOf("</select>"));
		assertThat(filter).contains("value=\"" + this.company.owner.id() + "\"")
			.contains("value=\"" + this.company.colleague.id() + "\"")
			.doesNotContain("value=\"" + this.company.outsider.id() + "\"")
			.doesNotContain("selected");
		// the chosen owner marked (the options ask only when one of them is chosen)
		String chosen = manager.get("/customers?ownerId=" + this.company.colleague.id()).body();
		chosen = chosen.substring(chosen.indexOf("id=\"customer-owner\""));
		chosen = chosen.substring(0, chosen.indexOf("</select>"));
		assertThat(chosen).contains("value=\"" + this.company.colleague.id() + "\" selected=\"selected\"")
			.containsOnlyOnce(" selected=")
			.contains("value=\"" + this.company.owner.id() + "\"");
	}

}
