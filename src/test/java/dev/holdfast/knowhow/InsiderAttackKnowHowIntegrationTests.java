package dev.holdfast.knowhow;

import java.util.ArrayList;
import java.util.List;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 against the know-how library: a rep hides a customer's numbers and e-mail in
 * ordinary disguises (full-width ＠, Chinese numerals, odd separators) so that they
 * survive redaction into a library every rep reads (hole 10); a manager of another region
 * withdraws an item he did not publish and whose publisher he does not oversee (hole 11).
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiderAttackKnowHowIntegrationTests {

	private static final List<String> DISGUISED = List.of("一三八零零一三八零零零", "幺三九〇〇幺三九〇〇〇", "壹叁柒贰贰叁叁肆肆伍伍", "138_0013_8001",
			"138-0013-8002", "138 0013 8003", "138.0013.8004", "１３８００１３８００５", "boss＠client.example",
			"buyer(at)client(dot)example");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private TestData data;

	private Employee manager;

	private Employee rep;

	private Employee otherManager;

	private Employee regionHead;

	private long customer;

	private final List<Long> followUps = new ArrayList<>();

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long south = this.data.department("华南大区", null);
		long region = this.data.department("广州区", south);
		long team = this.data.department("广州销售一组", region);
		long elsewhere = this.data.department("东北区", null);
		this.regionHead = this.data.employee("head", south, null, "SALES_MANAGER");
		this.manager = this.data.employee("mgr", region, this.regionHead.id(), "SALES_MANAGER");
		this.rep = this.data.employee("rep", team, this.manager.id(), "SALES");
		this.otherManager = this.data.employee("mgr", elsewhere, null, "SALES_MANAGER");
		String token = this.data.token(this.rep);
		Api.Response created = this.api.post(token, "/api/v1/customers",
				Map.of("name", TestData.unique("广州岭南包装") + "有限公司", "kind", "COMPANY", "level", "B", "industry", "包装"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.customer = created.id();
		for (String disguised : DISGUISED) {
			Api.Response followUp = this.api.post(token, "/api/v1/customers/" + this.customer + "/follow-ups",
					Map.of("kind", "CALL", "content", "对方采购说有事直接找他：" + disguised + "，报价按上次的来"));
			assertThat(followUp.status()).as(followUp.toString()).isEqualTo(201);
			this.followUps.add(followUp.id());
		}
	}

	@Test
	void disguisedNumbersAndAddressesDoNotSurviveRedaction() {
		Api.Response published = publish(this.data.token(this.manager), "包装客户的报价节奏");
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		String raw = published.raw();
		for (String disguised : DISGUISED) {
			assertThat(raw).as(disguised).doesNotContain(disguised);
		}
		assertThat(raw).doesNotContain("client.example", "13800138000", "boss", "buyer", "8001", "8005");
		var steps = published.body().get("steps");
		assertThat(steps).hasSize(DISGUISED.size());
		for (var step : steps) {
			String content = step.get("content").asString();
			assertThat(content).as(content).containsAnyOf(Redaction.PHONE, Redaction.EMAIL).contains("报价按上次的来");
		}
		long id = published.body().get("summary").get("id").asLong();
		assertThat(this.api.get(this.data.token(this.rep), "/api/v1/know-how/" + id).raw())
			.doesNotContain("一三八零零一三八零零零", "boss＠client.example");
	}

	@Test
	void aManagerOfAnotherRegionCannotWithdrawAnItemHeDidNotPublish() {
		long id = publishedId(this.data.token(this.manager), "他人的范例");
		String other = this.data.token(this.otherManager);
		assertThat(this.api.get(other, "/api/v1/know-how/" + id).status()).as("he may read it").isEqualTo(200);

		Api.Response refused = this.api.post(other, "/api/v1/know-how/" + id + "/withdraw", null);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(withdrawn(id)).as("nothing changed").isFalse();
		assertThat(this.api.get(this.data.token(this.rep), "/api/v1/know-how/" + id).status()).isEqualTo(200);
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'KNOWHOW_WITHDRAWN' and target_id = ?")
					.param(String.valueOf(id))
					.query(Long.class)
					.single())
			.isZero();
		// the page offers the button to the publisher only
		assertThat(page(this.otherManager, id)).contains("他人的范例").doesNotContain("knowhow-withdraw");
		assertThat(page(this.manager, id)).contains("knowhow-withdraw");
	}

	@Test
	void aRepOfTheSameTeamCannotWithdrawEither() {
		long id = publishedId(this.data.token(this.manager), "同组的范例");
		assertThat(this.api.post(this.data.token(this.rep), "/api/v1/know-how/" + id + "/withdraw", null).status())
			.isEqualTo(403);
		assertThat(withdrawn(id)).isFalse();
	}

	@Test
	void thePublisherTheManagerAboveAndAnAdministratorMay() {
		long own = publishedId(this.data.token(this.manager), "自己撤回");
		assertThat(this.api.post(this.data.token(this.manager), "/api/v1/know-how/" + own + "/withdraw", null).status())
			.isEqualTo(204);
		long below = publishedId(this.data.token(this.manager), "上级撤回");
		assertThat(this.api.post(this.data.token(this.regionHead), "/api/v1/know-how/" + below + "/withdraw", null)
			.status()).isEqualTo(204);
		long any = publishedId(this.data.token(this.manager), "管理员撤回");
		assertThat(this.api.post(this.data.adminToken(), "/api/v1/know-how/" + any + "/withdraw", null).status())
			.isEqualTo(204);
		assertThat(withdrawn(own) && withdrawn(below) && withdrawn(any)).isTrue();
		assertThat(this.api.post(this.data.adminToken(), "/api/v1/know-how/" + any + "/withdraw", null).status())
			.as("gone is gone")
			.isEqualTo(404);
	}

	private String page(Employee employee, long id) {
		WebSession session = new WebSession(this.port);
		session.logIn(employee.username(), TestData.PASSWORD);
		return session.get("/know-how/" + id).body();
	}

	private boolean withdrawn(long id) {
		return this.jdbc.sql("select withdrawn_at is not null from knowhow_item where id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	private long publishedId(String token, String title) {
		Api.Response published = publish(token, title);
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		return published.body().get("summary").get("id").asLong();
	}

	private Api.Response publish(String token, String title) {
		return this.api.post(token, "/api/v1/know-how", Map.of("customerId", this.customer, "followUpIds",
				this.followUps, "title", title, "lesson", "先电话确认需求，再按上次的价格报价", "tags", List.of("包装")));
	}

}
