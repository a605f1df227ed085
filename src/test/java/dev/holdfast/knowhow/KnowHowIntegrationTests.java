package dev.holdfast.knowhow;

import java.time.LocalDate;
import java.time.ZoneId;
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
 * A manager publishes a rep's follow-ups as know-how: the copy keeps the story and loses
 * every name, number and address; reps read and search it; a withdrawn one is gone.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowHowIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private TestData data;

	private Employee manager;

	private Employee rep;

	private Employee otherManager;

	private String customerName;

	private long customer;

	private List<Long> followUps;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long region = this.data.department("华东区", null);
		long team = this.data.department("上海销售二组", region);
		long elsewhere = this.data.department("西北区", null);
		this.manager = this.data.employee("mgr", region, null, "SALES_MANAGER");
		this.rep = this.data.employee("rep", team, this.manager.id(), "SALES");
		this.otherManager = this.data.employee("mgr", elsewhere, null, "SALES_MANAGER");
		String token = this.data.token(this.rep);
		this.customerName = TestData.unique("上海华东精密机械") + "有限公司";
		Map<String, Object> body = new HashMap<>();
		body.put("name", this.customerName);
		body.put("kind", "COMPANY");
		body.put("level", "A");
		body.put("industry", "制造业");
		body.put("address", "上海市闵行区春东路508号");
		this.customer = created(this.api.post(token, "/api/v1/customers", body));
		created(this.api.post(token, "/api/v1/customers/" + this.customer + "/contacts",
				Map.of("name", "张伟", "phone", "13812345678", "email", "zhang.wei@example.com", "wechat", "zw_sh2020")));
		created(this.api.post(token, "/api/v1/customers/" + this.customer + "/contacts", Map.of("name", "李晓红")));
		this.followUps = List.of(
				followUp(token, "CALL", "给张伟打电话13812345678，" + this.customerName + "今年要扩产，资料发到zhang.wei@example.com"),
				followUp(token, "VISIT", "拜访上海市闵行区春东路508号的工厂，张总带我们参观，李晓红负责采购，座机021-62345678"),
				followUp(token, "WECHAT", "加了微信zw_sh2020，发了报价，对方认可交期，下周签约"));
	}

	@Test
	void thePublishedCopyKeepsTheStoryButNoNameNumberOrAddress() {
		Api.Response published = publish(this.data.token(this.manager), this.followUps, "扩产客户三步拿下");
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		String core = this.customerName.replace("有限公司", "");
		assertThat(published.raw()).doesNotContain(this.customerName, core, "华东精密", "张伟", "张总", "李晓红", "13812345678",
				"021-62345678", "62345678", "zhang.wei@example.com", "zhang.wei", "zw_sh2020", "春东路", "508号");
		assertThat(published.raw()).contains("某制造业A级客户", "联系人甲", "联系人乙", "扩产", "认可交期", "[电话]", "[邮箱]", "[微信]");
		assertThat(published.body().get("steps")).hasSize(3);
		assertThat(published.body().get("steps").get(1).get("kind").asString()).isEqualTo("VISIT");

		String original = this.api.get(this.data.token(this.rep), "/api/v1/customers/" + this.customer + "/follow-ups")
			.raw();
		assertThat(original).as("the originals are untouched").contains("13812345678", "张伟", "zw_sh2020");
		long id = published.body().get("summary").get("id").asLong();
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'KNOWHOW_PUBLISHED' and target_id = ?")
					.param(String.valueOf(id))
					.query(Long.class)
					.single())
			.isEqualTo(1);
		assertThat(this.api.get(this.data.token(this.rep), "/api/v1/know-how/" + id).raw()).doesNotContain("张伟",
				"13812345678");
	}

	@Test
	void onlyAManagerWhoSeesTheCustomerMayPublish() {
		assertThat(publish(this.data.token(this.rep), this.followUps, "我的范例").status()).isEqualTo(403);
		Api.Response other = publish(this.data.token(this.otherManager), this.followUps, "别人的范例");
		Api.Response missing = this.api.post(this.data.token(this.otherManager), "/api/v1/know-how",
				Map.of("customerId", 987_654_321L, "followUpIds", this.followUps, "title", "无", "lesson", "无"));
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.raw()).isEqualTo(missing.raw());
	}

	@Test
	void badChoicesAreRefusedWithFieldErrors() {
		String token = this.data.token(this.manager);
		long otherCustomer = created(this.api.post(this.data.token(this.rep), "/api/v1/customers",
				Map.of("name", TestData.unique("苏州另一家") + "有限公司", "kind", "COMPANY")));
		long foreign = created(
				this.api.post(this.data.token(this.rep), "/api/v1/customers/" + otherCustomer + "/follow-ups",
						Map.of("kind", "CALL", "content", "另一家客户的电话沟通记录，内容足够长")));
		Api.Response mixed = publish(token, List.of(this.followUps.get(0), foreign), "混合");
		assertThat(mixed.status()).isEqualTo(400);
		assertThat(mixed.raw()).contains("followUpIds");
		Api.Response nothing = this.api.post(token, "/api/v1/know-how",
				Map.of("customerId", this.customer, "title", "空", "lesson", "空"));
		assertThat(nothing.status()).isEqualTo(400);
		Api.Response noTitle = this.api.post(token, "/api/v1/know-how",
				Map.of("customerId", otherCustomer, "followUpIds", List.of(foreign), "lesson", "空"));
		assertThat(noTitle.status()).isEqualTo(400);
		assertThat(noTitle.raw()).contains("title");
	}

	@Test
	void repsSearchByIndustryKindStageAndTextAndAWithdrawnItemIsGone() {
		String word = TestData.unique("秘诀");
		String managerToken = this.data.token(this.manager);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Api.Response byRange = this.api.post(managerToken, "/api/v1/know-how",
				Map.of("customerId", this.customer, "from", today.minusDays(1).toString(), "to", today.toString(),
						"title", "按时间段" + word, "lesson", "坚持每周联系", "tags", List.of("制造业", "扩产")));
		assertThat(byRange.status()).as(byRange.toString()).isEqualTo(201);
		long id = byRange.body().get("summary").get("id").asLong();
		assertThat(byRange.body().get("steps")).hasSize(3);

		String token = this.data.token(this.rep);
		assertThat(found(token, "industry=" + enc("制造业") + "&q=" + enc(word), id)).isTrue();
		assertThat(found(token, "industry=" + enc("零售业") + "&q=" + enc(word), id)).isFalse();
		assertThat(found(token, "kind=VISIT&q=" + enc(word), id)).isTrue();
		assertThat(found(token, "kind=EMAIL&q=" + enc(word), id)).isFalse();
		assertThat(found(token, "stage=POTENTIAL&q=" + enc(word), id)).isTrue();
		assertThat(found(token, "stage=WON&q=" + enc(word), id)).isFalse();
		assertThat(found(token, "q=" + enc("认可交期"), id)).isTrue();
		assertThat(found(token, "q=" + enc(word + "不存在"), id)).isFalse();
		assertThat(this.api.get(token, "/api/v1/know-how?stage=SOLD").status()).isEqualTo(400);

		assertThat(this.api.post(token, "/api/v1/know-how/" + id + "/withdraw", null).status()).isEqualTo(403);
		assertThat(this.api.post(managerToken, "/api/v1/know-how/" + id + "/withdraw", null).status()).isEqualTo(204);
		assertThat(found(token, "q=" + enc(word), id)).isFalse();
		assertThat(this.api.get(token, "/api/v1/know-how/" + id).status()).isEqualTo(404);
		assertThat(this.api.post(managerToken, "/api/v1/know-how/" + id + "/withdraw", null).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from knowhow_item where id = ? and withdrawn_at is not null")
			.param(id)
			.query(Long.class)
			.single()).as("withdrawn, not deleted").isEqualTo(1);
	}

	private boolean found(String token, String query, long id) {
		Api.Response response = this.api.get(token, "/api/v1/know-how?size=200&" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		for (var item : response.body().get("items")) {
			if (item.get("id").asLong() == id) {
				return true;
			}
		}
		return false;
	}

	private Api.Response publish(String token, List<Long> ids, String title) {
		return this.api.post(token, "/api/v1/know-how", Map.of("customerId", this.customer, "followUpIds", ids, "title",
				title, "lesson", "先电话了解扩产计划，再上门看工厂，最后微信跟进报价", "tags", List.of("扩产", "首次拜访")));
	}

	private long followUp(String token, String kind, String content) {
		return created(this.api.post(token, "/api/v1/customers/" + this.customer + "/follow-ups",
				Map.of("kind", kind, "content", content)));
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static long created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

}
