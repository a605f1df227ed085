package dev.holdfast.notification;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
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
 * Notices name the records they are about when they are read, for their reader, through
 * the owning module's visibility rule: the rep a customer was taken from reads "客户 #id",
 * neither its name of then nor its name of now, while its new owner reads its name.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationNamesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	private Api api;

	private TestData data;

	private Employee manager;

	private Employee first;

	private Employee second;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long dept = this.data.department("杭州销售二部", null);
		this.manager = this.data.employee("hzmgr", dept, null, "SALES_MANAGER");
		this.first = this.data.employee("hzrep", dept, this.manager.id(), "SALES");
		this.second = this.data.employee("hzrep", dept, this.manager.id(), "SALES");
	}

	@Test
	void theRepACustomerWasTakenFromReadsOnlyItsNumberAndTheNewOwnerReadsItsName() {
		String name = TestData.unique("杭州西湖丝绸") + "有限公司";
		long customer = this.api
			.post(this.data.token(this.second), "/api/v1/customers",
					Map.of("name", name, "kind", "COMPANY", "level", "B", "region", "浙江省杭州市"))
			.id();
		String managerToken = this.data.token(this.manager);
		transfer(managerToken, customer, this.first);
		// while he may see it, he reads its name
		WebSession firstWeb = signedIn(this.first);
		assertThat(firstWeb.get("/notifications?lang=zh_CN").body()).contains("已将 " + name + " 转给您");
		assertThat(firstWeb.get("/notifications?lang=en").body()).contains("transferred " + name + " to you");

		transfer(managerToken, customer, this.second);
		String renamed = TestData.unique("杭州钱塘新材料") + "有限公司";
		String secondToken = this.data.token(this.second);
		long version = this.api.get(secondToken, "/api/v1/customers/" + customer).body().get("version").asLong();
		Api.Response rename = this.api.patch(secondToken, "/api/v1/customers/" + customer,
				Map.of("name", renamed, "version", version));
		assertThat(rename.status()).as(rename.toString()).isEqualTo(200);

		String zh = firstWeb.get("/notifications?lang=zh_CN").body();
		assertThat(zh).contains("已将 客户 #" + customer + " 转给您").doesNotContain(name).doesNotContain(renamed);
		String en = firstWeb.get("/notifications?lang=en").body();
		assertThat(en).contains("transferred customer #" + customer + " to you")
			.doesNotContain(name)
			.doesNotContain(renamed);
		assertThat(this.api.get(this.data.token(this.first), "/api/v1/notifications").raw()).doesNotContain(name)
			.doesNotContain(renamed)
			.contains("#" + customer);

		String secondZh = signedIn(this.second).get("/notifications?lang=zh_CN").body();
		assertThat(secondZh).contains("已将 " + renamed + " 转给您").doesNotContain(name);
	}

	@Test
	void aRecordOfAKindNobodyNamesReadsAsItsKindAndNumber() {
		Employee reader = this.data.employee("hzrep", null, null, "SALES");
		this.notifications.send(reader.id(), "TEST_NOTICE",
				NotificationText.of("today.notice.complaint.title", 41,
						NotificationText.record("customer", 987654321L)),
				NotificationText.of("today.notice.exportApproved.title", NotificationText.record("export", 123456789L),
						"王芳"),
				null);
		WebSession web = signedIn(reader);
		assertThat(web.get("/notifications?lang=zh_CN").body()).contains("客户 #987654321 有一条新投诉（#41）")
			.contains("您的 导出 #123456789 已由 王芳 批准");
		assertThat(web.get("/notifications?lang=en").body())
			.contains("A complaint (#41) was registered on customer #987654321")
			.contains("王芳 approved your export #123456789");
		assertThat(this.jdbc.sql("select title_args::text from notification where employee_id = ?")
			.param(reader.id())
			.query(String.class)
			.single()).as("stored as a reference, never as a name").contains("\"type\"").contains("987654321");
	}

	private void transfer(String token, long customer, Employee to) {
		Api.Response moved = this.api.post(token, "/api/v1/customers/" + customer + "/transfer",
				Map.of("newOwnerId", to.id()));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.sql("""
				select count(*) from notification where employee_id = ? and kind = 'CUSTOMERS_TRANSFERRED'
				and link = ?""").params(to.id(), "/customers/" + customer).query(Long.class).single() > 0);
	}

	private WebSession signedIn(Employee employee) {
		WebSession web = new WebSession(this.port);
		web.logIn(employee.username(), TestData.PASSWORD);
		return web;
	}

}
