package dev.holdfast.followup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-ups: the server sets author and time, the timeline is newest first, corrections
 * are possible for 24 hours by the author only and keep the replaced text, and nothing is
 * ever deleted.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private TestData data;

	private Employee rep;

	private Employee manager;

	private String token;

	private long customer;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long dept = this.data.department("成都销售部", null);
		this.manager = this.data.employee("mgr", dept, null, "SALES_MANAGER");
		this.rep = this.data.employee("rep", dept, this.manager.id(), "SALES");
		this.token = this.data.token(this.rep);
		this.customer = this.api
			.post(this.token, "/api/v1/customers", Map.of("name", TestData.unique("成都锦城茶叶"), "kind", "COMPANY"))
			.id();
	}

	private String followUps() {
		return "/api/v1/customers/" + this.customer + "/follow-ups";
	}

	@Test
	void theServerSetsAuthorAndTimeWhateverTheClientSends() {
		Map<String, Object> body = new HashMap<>();
		body.put("kind", "CALL");
		body.put("content", "电话回访，客户对报价满意");
		body.put("authorId", this.manager.id());
		body.put("createdAt", "2020-01-01T00:00:00Z");
		Instant before = Instant.now().minusSeconds(1);
		Api.Response created = this.api.post(this.token, followUps(), body);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("authorId").asLong()).isEqualTo(this.rep.id());
		assertThat(Instant.parse(created.text("createdAt"))).isAfter(before);
	}

	@Test
	void theTimelineIsNewestFirstAndPaged() {
		for (String content : List.of("第一次拜访", "第二次电话", "第三次微信")) {
			assertThat(this.api.post(this.token, followUps(), Map.of("kind", "WECHAT", "content", content)).status())
				.isEqualTo(201);
		}
		Api.Response page = this.api.get(this.data.token(this.manager), followUps() + "?size=2");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body().get("items").get(0).get("content").asString()).isEqualTo("第三次微信");
		assertThat(page.body().get("items").get(1).get("content").asString()).isEqualTo("第二次电话");
		assertThat(page.body().get("total").asLong()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void theAuthorMayCorrectWithin24HoursAndTheOldTextIsKept() {
		Api.Response created = this.api.post(this.token, followUps(),
				Map.of("kind", "VISIT", "content", "拜访了王总", "nextContactAt", "2030-01-15T02:00:00Z"));
		long id = created.id();
		Api.Response corrected = this.api.patch(this.token, "/api/v1/follow-ups/" + id,
				Map.of("kind", "VISIT", "content", "拜访了王总和李经理", "version", 0));
		assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
		assertThat(corrected.text("content")).isEqualTo("拜访了王总和李经理");
		String kept = this.jdbc.sql("select content from follow_up_revision where follow_up_id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(kept).isEqualTo("拜访了王总");
	}

	@Test
	void nobodyElseMayCorrectItAndNobodyAtAllAfter24Hours() {
		long id = this.api.post(this.token, followUps(), Map.of("kind", "CALL", "content", "约了下周见面")).id();
		Api.Response byManager = this.api.patch(this.data.token(this.manager), "/api/v1/follow-ups/" + id,
				Map.of("kind", "CALL", "content", "经理改的", "version", 0));
		assertThat(byManager.status()).isEqualTo(403);

		this.jdbc.sql("update follow_up set created_at = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minus(25, ChronoUnit.HOURS)), id)
			.update();
		Api.Response late = this.api.patch(this.token, "/api/v1/follow-ups/" + id,
				Map.of("kind", "CALL", "content", "太晚了", "version", 0));
		assertThat(late.status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select content from follow_up where id = ?").param(id).query(String.class).single())
			.isEqualTo("约了下周见面");
	}

	@Test
	void followUpsCannotBeDeleted() {
		long id = this.api.post(this.token, followUps(), Map.of("kind", "OTHER", "content", "寄了样品")).id();
		assertThat(this.api.delete(this.token, "/api/v1/follow-ups/" + id).status()).isEqualTo(405);
		assertThat(this.jdbc.sql("select count(*) from follow_up where id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aContactOfAnotherCustomerIsRefused() {
		long other = this.api
			.post(this.token, "/api/v1/customers", Map.of("name", TestData.unique("重庆山城火锅"), "kind", "COMPANY"))
			.id();
		long contact = this.api.post(this.token, "/api/v1/customers/" + other + "/contacts", Map.of("name", "刘洋")).id();
		Api.Response response = this.api.post(this.token, followUps(),
				Map.of("kind", "CALL", "content", "打错了客户", "contactId", contact));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("fields").has("contactId")).isTrue();
	}

	@Test
	void badInputIsRefusedFieldByField() {
		long before = this.jdbc.sql("select count(*) from follow_up").query(Long.class).single();
		assertThat(this.api.post(this.token, followUps(), Map.of("kind", "SMOKE_SIGNAL", "content", "x")).status())
			.isEqualTo(400);
		assertThat(this.api.post(this.token, followUps(), Map.of("kind", "CALL", "content", " "))
			.body()
			.get("fields")
			.has("content")).isTrue();
		assertThat(this.api.post(this.token, followUps(), Map.of("kind", "CALL", "content", "长".repeat(5001))).status())
			.isEqualTo(400);
		assertThat(
				this.api.post(this.token, followUps(), Map.of("kind", "CALL", "content", "明天再打", "nextContactAt", "明天"))
					.status())
			.isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from follow_up").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyASubstantiveFollowUpMovesTheCustomersClock() {
		long fresh = this.api
			.post(this.token, "/api/v1/customers", Map.of("name", TestData.unique("成都蓉城火锅"), "kind", "COMPANY"))
			.id();
		String path = "/api/v1/customers/" + fresh + "/follow-ups";
		Api.Response trivial = this.api.post(this.token, path, Map.of("kind", "WECHAT", "content", "好"));
		assertThat(trivial.body().get("substantive").asBoolean()).isFalse();
		Api.Response shortCall = this.api.post(this.token, path, Map.of("kind", "CALL", "content", "未接通"));
		assertThat(shortCall.body().get("substantive").asBoolean()).isFalse();
		assertThat(lastFollowedUp(fresh)).isNull();

		Api.Response visit = this.api.post(this.token, path, Map.of("kind", "VISIT", "content", "上门拜访"));
		assertThat(visit.body().get("substantive").asBoolean()).isTrue();
		assertThat(lastFollowedUp(fresh)).isEqualTo(Instant.parse(visit.text("createdAt")));

		Api.Response note = this.api.post(this.token, path,
				Map.of("kind", "WECHAT", "content", "客户在微信上确认了下季度的采购数量，并要求我们周五前发送正式报价单"));
		assertThat(note.body().get("substantive").asBoolean()).isTrue();
		assertThat(lastFollowedUp(fresh)).isEqualTo(Instant.parse(note.text("createdAt")));
	}

	private Instant lastFollowedUp(long customerId) {
		return this.jdbc.sql("select last_followed_up_at from customer where id = ?")
			.param(customerId)
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElse(null);
	}

}
