package dev.holdfast.notification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.MailServer;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People are told what they must act on: each event notifies exactly the people who must
 * act (in the application, and by e-mail since mail is configured here, against a
 * GreenMail server, {@link MailServer}), and nobody else. Notices carry ids, counts and
 * names, never contact data.
 */
@HoldfastIntegrationTest
@ExtendWith(MailServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionNoticesIntegrationTests {

	private static final GreenMail smtp = MailServer.smtp();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private TestData data;

	private Employee manager;

	private Employee rep;

	private Employee colleague;

	private Employee service;

	private Employee otherManager;

	private Employee hr;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long region = this.data.department("华南区", null);
		long team = this.data.department("深圳销售一组", region);
		long elsewhere = this.data.department("东北区", null);
		this.manager = this.data.employee("nmgr", region, null, "SALES_MANAGER");
		this.rep = this.data.employee("nrep", team, this.manager.id(), "SALES");
		this.colleague = this.data.employee("nrep", team, this.manager.id(), "SALES");
		this.service = this.data.employee("nsvc", region, null, "SERVICE");
		this.otherManager = this.data.employee("nmgr", elsewhere, null, "SALES_MANAGER");
		this.hr = this.data.employee("nhr", null, null, "HR");
		for (Employee e : List.of(this.manager, this.rep, this.colleague, this.service, this.otherManager)) {
			this.jdbc.sql("update employee set email = ? where id = ?")
				.params(e.username() + "@shenzhen-sales.cn", e.id())
				.update();
		}
	}

	@Test
	void anExportWaitingTellsThoseWhoMayApproveItAndItsDecisionTellsTheRequester() throws Exception {
		String phone = TestData.uniqueMobile();
		customerWithContact(this.rep, phone);
		String managerToken = this.data.token(this.manager);
		Api.Response requested = this.api.post(managerToken, "/api/v1/exports",
				Map.of("entity", "contacts", "format", "CSV", "unmasked", true, "filter", Map.of("q", "深圳")));
		assertThat(requested.text("status")).as(requested.toString()).isEqualTo("PENDING_APPROVAL");
		String link = "/exports#export-" + requested.id();

		Set<Long> approvers = await(() -> recipients("EXPORT_WAITING", link), r -> !r.isEmpty());
		assertThat(approvers).doesNotContain(this.manager.id(), this.otherManager.id(), this.rep.id());
		assertThat(approvers).as("each holds export.approve and is no leaver")
			.allSatisfy(id -> assertThat(holds(id, "export.approve")).isTrue());
		long admin = this.jdbc.sql("select id from employee where username = 'admin'").query(Long.class).single();
		assertThat(approvers).contains(admin);
		assertThat(recipients("EXPORT_DECIDED", link)).isEmpty();

		Api.Response approved = this.api.post(this.data.adminToken(), "/api/v1/exports/" + requested.id() + "/approve",
				Map.of());
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(await(() -> recipients("EXPORT_DECIDED", link), r -> !r.isEmpty()))
			.containsExactly(this.manager.id());
		assertThat(titleKey(this.manager, "EXPORT_DECIDED", link)).isEqualTo("today.notice.exportApproved.title");
		MimeMessage mail = awaitMail(this.manager.username() + "@shenzhen-sales.cn", link);
		assertThat(mail.getSubject()).as("the export named for its requester").contains(".csv").contains("批准");
		assertThat((String) mail.getContent()).doesNotContain(phone);

		Api.Response second = this.api.post(managerToken, "/api/v1/exports",
				Map.of("entity", "contacts", "format", "CSV", "unmasked", true, "filter", Map.of("q", "深圳")));
		this.api.post(this.data.adminToken(), "/api/v1/exports/" + second.id() + "/reject", Map.of());
		String secondLink = "/exports#export-" + second.id();
		assertThat(await(() -> recipients("EXPORT_DECIDED", secondLink), r -> !r.isEmpty()))
			.containsExactly(this.manager.id());
		assertThat(titleKey(this.manager, "EXPORT_DECIDED", secondLink)).isEqualTo("today.notice.exportRejected.title");
	}

	@Test
	void aTransferTellsTheNewOwnerOncePerTransferWithTheCount() throws Exception {
		long one = customerOf(this.rep, "B");
		long two = customerOf(this.rep, "C");
		long three = customerOf(this.rep, "C");
		String managerToken = this.data.token(this.manager);
		assertThat(this.api
			.post(managerToken, "/api/v1/customers/" + one + "/transfer", Map.of("newOwnerId", this.colleague.id()))
			.status()).isEqualTo(200);
		assertThat(await(() -> recipients("CUSTOMERS_TRANSFERRED", "/customers/" + one), r -> !r.isEmpty()))
			.containsExactly(this.colleague.id());
		String name = this.jdbc.sql("select name from customer where id = ?").param(one).query(String.class).single();
		MimeMessage mail = awaitMail(this.colleague.username() + "@shenzhen-sales.cn", "/customers/" + one);
		assertThat(mail.getSubject()).as("named for its recipient, who may see it").contains(name);
		assertThat(this.jdbc.sql("select title_args::text from notification where link = ?")
			.param("/customers/" + one)
			.query(String.class)
			.single()).as("the notice keeps a reference, not the name").doesNotContain(name);

		Api.Response bulk = this.api.post(managerToken, "/api/v1/customers/transfer",
				Map.of("customerIds", List.of(two, three), "newOwnerId", this.colleague.id()));
		assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
		String list = "/customers?ownerId=" + this.colleague.id();
		assertThat(await(() -> recipients("CUSTOMERS_TRANSFERRED", list), r -> !r.isEmpty()))
			.containsExactly(this.colleague.id());
		assertThat(this.jdbc.sql("""
				select title_args ->> 0 from notification where kind = 'CUSTOMERS_TRANSFERRED' and link = ?""")
			.param(list)
			.query(String.class)
			.list()).containsExactly("2");
		assertThat(recipients("CUSTOMERS_TRANSFERRED", "/customers/" + two)).isEmpty();
	}

	@Test
	void aHandoverTellsEachReceiverOnceWithTheirCount() {
		long dept = this.data.department("深圳销售二组", null);
		Employee boss = this.data.employee("nmgr", dept, null, "SALES_MANAGER");
		Employee leaver = this.data.employee("nrep", dept, boss.id(), "SALES");
		Employee receiver = this.data.employee("nrep", dept, boss.id(), "SALES");
		Employee bystander = this.data.employee("nrep", dept, boss.id(), "SALES");
		long first = customerOf(leaver, "C");
		long second = customerOf(leaver, "C");
		Api.Response resigned = this.api.post(this.data.token(this.hr),
				"/api/v1/employees/" + leaver.id() + "/resignation", Map.of("noticeDate", LocalDate.now().toString(),
						"lastWorkingDay", LocalDate.now().plusDays(20).toString(), "reason", "个人原因"));
		assertThat(resigned.status()).as(resigned.toString()).isEqualTo(201);
		long caseId = resigned.id();
		String bossToken = this.data.token(boss);
		assertThat(
				this.api
					.patch(bossToken, "/api/v1/offboarding/" + caseId + "/plan",
							List.of(Map.of("customerId", first, "newOwnerId", receiver.id()),
									Map.of("customerId", second, "newOwnerId", receiver.id())))
					.status())
			.isEqualTo(200);
		Api.Response handover = this.api.post(bossToken, "/api/v1/offboarding/" + caseId + "/handover", Map.of());
		assertThat(handover.status()).as(handover.toString()).isEqualTo(200);

		List<Long> told = await(() -> this.jdbc.sql("""
				select employee_id from notification where kind = 'HANDOVER_RECEIVED' and title_args ->> 2 = ?""")
			.param(String.valueOf(caseId))
			.query(Long.class)
			.list(), r -> !r.isEmpty());
		assertThat(told).containsExactly(receiver.id());
		assertThat(titleArg(receiver, "HANDOVER_RECEIVED", "/handover-tasks", 0)).isEqualTo("2");
		assertThat(told).doesNotContain(bystander.id(), leaver.id(), boss.id());
	}

	@Test
	void whatIsLeftOnTheLastDayTellsTheManagerWhoGetsIt() {
		long dept = this.data.department("深圳销售三组", null);
		Employee boss = this.data.employee("nmgr", dept, null, "SALES_MANAGER");
		Employee leaver = this.data.employee("nrep", dept, boss.id(), "SALES");
		customerOf(leaver, "C");
		Api.Response resigned = this.api.post(this.data.token(this.hr),
				"/api/v1/employees/" + leaver.id() + "/resignation", Map.of("noticeDate", TestData.today().toString(),
						"lastWorkingDay", TestData.today().plusDays(20).toString(), "reason", "个人原因"));
		assertThat(resigned.status()).as(resigned.toString()).isEqualTo(201);
		long caseId = resigned.id();

		Api.Response ended = this.api.post(this.data.token(this.hr), "/api/v1/offboarding/" + caseId + "/terminate",
				Map.of("reason", "严重违反公司保密制度"));
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);

		List<Long> told = await(() -> this.jdbc.sql("""
				select employee_id from notification where kind = 'HANDOVER_RECEIVED' and title_args ->> 2 = ?""")
			.param(String.valueOf(caseId))
			.query(Long.class)
			.list(), r -> !r.isEmpty());
		assertThat(told).containsExactly(boss.id());
		assertThat(titleArg(boss, "HANDOVER_RECEIVED", "/handover-tasks", 0)).isEqualTo("1");
	}

	@Test
	void aCareVisitGivenBySomeoneElseTellsTheVisitorButNotOneTheyTookThemselves() {
		long customer = customerOf(this.rep, "B");
		Api.Response scheduled = this.api.post(this.data.token(this.manager),
				"/api/v1/customers/" + customer + "/care-visits", visit(this.service.id()));
		assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
		String link = "/care-visits#visit-" + scheduled.id();
		assertThat(await(() -> recipients("CARE_VISITS_ASSIGNED", link), r -> !r.isEmpty()))
			.containsExactly(this.service.id());
		awaitMail(this.service.username() + "@shenzhen-sales.cn", link);

		Api.Response own = this.api.post(this.data.token(this.service),
				"/api/v1/customers/" + customer + "/care-visits", visit(null));
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
		// the first event's notice is there, so the second's would be too by now
		await(() -> recipients("CARE_VISITS_ASSIGNED", link), r -> !r.isEmpty());
		assertThat(recipients("CARE_VISITS_ASSIGNED", "/care-visits#visit-" + own.id())).isEmpty();
	}

	@Test
	void aComplaintTellsTheOwnerAndTheirManagerButNotWhoRecordedIt() {
		long customer = customerOf(this.rep, "A");
		Api.Response visit = this.api.post(this.data.token(this.manager),
				"/api/v1/customers/" + customer + "/care-visits", visit(this.service.id()));
		assertThat(visit.status()).isEqualTo(201);
		Api.Response complaint = this.api.post(this.data.token(this.service),
				"/api/v1/customers/" + customer + "/complaints", Map.of("summary", "发票开错两次", "details",
						"客户财务刘女士来电，电话 13800138000", "severity", "HIGH", "channel", "PHONE"));
		assertThat(complaint.status()).as(complaint.toString()).isEqualTo(201);
		String link = "/customers/" + customer + "#complaint-" + complaint.id();
		Set<Long> told = await(() -> recipients("COMPLAINT_RECORDED", link), r -> r.size() >= 2);
		assertThat(told).containsExactlyInAnyOrder(this.rep.id(), this.manager.id());
		assertThat(this.jdbc
			.sql("select count(*) from notification where kind = 'COMPLAINT_RECORDED' and link = ?"
					+ " and (title_args::text like '%13800138000%' or title_args::text like '%发票%')")
			.param(link)
			.query(Long.class)
			.single()).isZero();
	}

	private Set<Long> recipients(String kind, String link) {
		return Set.copyOf(this.jdbc.sql("select employee_id from notification where kind = ? and link = ?")
			.params(kind, link)
			.query(Long.class)
			.list());
	}

	private String titleKey(Employee employee, String kind, String link) {
		return this.jdbc.sql("select title from notification where employee_id = ? and kind = ? and link = ?")
			.params(employee.id(), kind, link)
			.query(String.class)
			.single();
	}

	private String titleArg(Employee employee, String kind, String link, int index) {
		return this.jdbc
			.sql("select title_args ->> " + index
					+ " from notification where employee_id = ? and kind = ? and link = ?")
			.params(employee.id(), kind, link)
			.query(String.class)
			.single();
	}

	private boolean holds(long employeeId, String permission) {
		return this.jdbc.sql("""
				select exists (select 1 from employee_role er join role_permission p on p.role_id = er.role_id
				               join employee e on e.id = er.employee_id
				               where er.employee_id = ? and p.permission = ? and e.status = 'ACTIVE')""")
			.params(employeeId, permission)
			.query(Boolean.class)
			.single();
	}

	private long customerOf(Employee owner, String level) {
		Api.Response response = this.api.post(this.data.token(owner), "/api/v1/customers", Map.of("name",
				"深圳" + TestData.unique("南山精密电子") + "有限公司", "kind", "COMPANY", "level", level, "region", "广东省深圳市"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	private void customerWithContact(Employee owner, String phone) {
		long customer = customerOf(owner, "A");
		assertThat(this.api
			.post(this.data.token(owner), "/api/v1/customers/" + customer + "/contacts",
					Map.of("name", "黄丽", "phone", phone, "title", "采购经理"))
			.status()).isEqualTo(201);
	}

	private static Map<String, Object> visit(Long assigneeId) {
		Map<String, Object> body = new HashMap<>();
		body.put("dueOn", LocalDate.now().plusDays(5).toString());
		body.put("assigneeId", assigneeId);
		return body;
	}

	private static <T> T await(java.util.concurrent.Callable<T> value, java.util.function.Predicate<T> done) {
		return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(value, done::test);
	}

	/** The e-mail to the address that leads to the link. */
	private static MimeMessage awaitMail(String to, String link) {
		return await(() -> {
			for (MimeMessage message : smtp.getReceivedMessages()) {
				if (message.getAllRecipients()[0].toString().equals(to)
						&& ((String) message.getContent()).strip().endsWith(link)) {
					return message;
				}
			}
			return null;
		}, m -> m != null);
	}

}
