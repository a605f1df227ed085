package dev.holdfast.offboarding;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Handover notes as an insider would attack them: HR, the manager and an administrator
 * try to overwrite the leaver's note (403, over the API and the page, nothing changes);
 * HR tries to read it (only whether it exists); the leaver changes it after the handover
 * and the receiver sees the latest text and that it was changed; every text stays in an
 * append-only table that the database itself guards, and each change is in the trail.
 */
@HoldfastIntegrationTest
class HandoverNoteVersionsIntegrationTests {

	private static final String FIRST = "采购部刘建国经理拍板，每月5号对账";

	private static final String SECOND = "刘经理已调岗，现由财务周丽华对接，电话见联系人";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	Employee manager;

	Employee leaver;

	Employee receiver;

	Employee hr;

	long customer;

	long caseId;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long team = this.data.department("武汉销售二组", null);
		this.manager = this.data.employee("mgr", team, null, "SALES_MANAGER");
		this.leaver = this.data.employee("rep", team, this.manager.id(), "SALES");
		this.receiver = this.data.employee("rep", team, this.manager.id(), "SALES");
		this.hr = this.data.employee("hr", this.data.department("人力资源部", null), null, "HR");
		Api.Response created = this.api.post(this.data.token(this.leaver), "/api/v1/customers", Map.of("name",
				TestData.unique("武汉江汉建材") + "有限公司", "kind", "COMPANY", "level", "A", "region", "湖北省武汉市江汉区"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		this.customer = created.id();
		Api.Response resigned = this.api.post(this.data.adminToken(),
				"/api/v1/employees/" + this.leaver.id() + "/resignation", Map.of("noticeDate",
						TestData.today().toString(), "lastWorkingDay", TestData.today().plusDays(10).toString()));
		assertThat(resigned.status()).as(resigned.raw()).isEqualTo(201);
		this.caseId = resigned.id();
		assertThat(this.api
			.patch(this.data.token(this.manager), "/api/v1/offboarding/" + this.caseId + "/plan",
					List.of(Map.of("customerId", this.customer, "newOwnerId", this.receiver.id())))
			.status()).isEqualTo(200);
	}

	@Test
	void onlyTheLeaverWritesAndNobodyElseOverwritesQuietly() {
		Api.Response first = write(this.data.token(this.leaver), FIRST);
		assertThat(first.status()).as(first.raw()).isEqualTo(200);
		assertThat(first.body().get("revision").asLong()).isEqualTo(1);
		assertThat(first.body().get("edited").asBoolean()).isFalse();

		// HR, the manager and an administrator see the case, and may not write the note
		for (String token : List.of(this.data.token(this.hr), this.data.token(this.manager), this.data.adminToken())) {
			assertThat(write(token, "已由他人改写").status()).isEqualTo(403);
		}
		// the receiver does not even see the case
		assertThat(write(this.data.token(this.receiver), "接手人自己改写").status()).isEqualTo(404);
		// nor through the pages
		for (Employee intruder : List.of(this.hr, this.manager)) {
			WebSession session = session(intruder);
			HttpResponse<String> page = session.get(notePath());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).doesNotContain("id=\"note-submit\"");
			HttpResponse<String> posted = session.post(notePath(),
					Map.of("promises", "已由他人改写", "_csrf", WebSession.csrfToken(page)));
			assertThat(posted.statusCode()).as(intruder.username()).isEqualTo(403);
			// a post that fails validation is refused just the same, before the form is
			// read
			assertThat(
					session.post(notePath(), Map.of("promises", "长".repeat(2100), "_csrf", WebSession.csrfToken(page)))
						.statusCode())
				.isEqualTo(403);
		}
		assertThat(versions()).isEqualTo(1);
		assertThat(text()).isEqualTo(FIRST);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'HANDOVER_NOTE_WRITTEN' and target_id = ?
				  and actor_id <> ?""")
			.params(String.valueOf(this.customer), this.leaver.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void hrLearnsOnlyThatTheNoteExistsAndTheManagerReadsIt() {
		String hrToken = this.data.token(this.hr);
		WebSession hrSession = session(this.hr);
		assertThat(hrSession.get(notePath()).body()).contains("id=\"note-facts\"").contains("还没有写交接说明");
		assertThat(write(this.data.token(this.leaver), FIRST).status()).isEqualTo(200);

		assertThat(this.api.get(hrToken, apiPath()).status()).isEqualTo(403);
		assertThat(this.api.get(hrToken, apiPath() + "/versions").status()).isEqualTo(403);
		HttpResponse<String> page = hrSession.get(notePath());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("已写交接说明（第 1 版").doesNotContain("刘建国").doesNotContain("id=\"note-form\"");
		// the case page says which notes exist, as before
		assertThat(hrSession.get("/offboarding/" + this.caseId).statusCode()).isEqualTo(200);

		String managerToken = this.data.token(this.manager);
		assertThat(this.api.get(managerToken, apiPath()).body().get("keyContacts").asString()).isEqualTo(FIRST);
		HttpResponse<String> managerPage = session(this.manager).get(notePath());
		assertThat(managerPage.body()).contains("刘建国").contains("id=\"note-read-only\"");
		assertThat(this.api.get(this.data.adminToken(), apiPath()).status()).isEqualTo(200);
		// outsiders: as if there were no case
		Employee outsider = this.data.employee("rep", this.data.department("长沙销售部", null), null, "SALES");
		assertThat(this.api.get(this.data.token(outsider), apiPath() + "/versions").status()).isEqualTo(404);
	}

	@Test
	void aChangeAfterTheHandoverKeepsTheEarlierTextAndTheReceiverSeesThatItChanged() {
		String leaverToken = this.data.token(this.leaver);
		assertThat(write(leaverToken, FIRST).status()).isEqualTo(200);
		assertThat(this.api
			.post(this.data.token(this.manager), "/api/v1/offboarding/" + this.caseId + "/handover",
					Map.of("acceptMissingNotes", true))
			.status()).isEqualTo(200);
		Api.Response second = write(leaverToken, SECOND);
		assertThat(second.status()).as(second.raw()).isEqualTo(200);
		assertThat(second.body().get("revision").asLong()).isEqualTo(2);
		assertThat(second.body().get("edited").asBoolean()).isTrue();

		// the receiver: the latest text, and that (and when) it was changed
		JsonNode task = task(this.data.token(this.receiver));
		assertThat(task.get("note").get("keyContacts").asString()).isEqualTo(SECOND);
		assertThat(task.get("note").get("edited").asBoolean()).isTrue();
		assertThat(task.get("note").get("updatedAt").isNull()).isFalse();
		WebSession receiverSession = session(this.receiver);
		assertThat(receiverSession.get("/handover-tasks").body()).contains("周丽华")
			.contains("class=\"small text-warning-emphasis mb-1 note-edited\"")
			.contains("修改过：第 2 版");
		assertThat(receiverSession.get("/customers/" + this.customer + "/handover-notes").body()).contains("修改过：第 2 版");

		// the manager: every text, newest first
		JsonNode versions = this.api.get(this.data.token(this.manager), apiPath() + "/versions").body();
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).get("keyContacts").asString()).isEqualTo(SECOND);
		assertThat(versions.get(1).get("keyContacts").asString()).isEqualTo(FIRST);
		assertThat(session(this.manager).get(notePath()).body()).contains("id=\"note-versions\"")
			.contains("刘建国")
			.contains("周丽华");

		// each change in the trail, by the leaver, with its version and never the text
		List<String> trail = this.jdbc.sql("""
				select details from audit_event where action = 'HANDOVER_NOTE_WRITTEN' and target_id = ?
				  and actor_id = ? order by id""")
			.params(String.valueOf(this.customer), this.leaver.id())
			.query(String.class)
			.list();
		assertThat(trail).hasSize(2);
		assertThat(trail.get(1)).contains("\"revision\":2").doesNotContain("周丽华");
	}

	@Test
	void theDatabaseKeepsEveryTextWhateverTheCodePath() {
		assertThat(write(this.data.token(this.leaver), FIRST).status()).isEqualTo(200);
		// a quiet rewrite that does not count as a version is refused by the database
		assertThatThrownBy(() -> this.jdbc
			.sql("update handover_note set key_contacts = '被悄悄替换' where case_id = ? and customer_id = ?")
			.params(this.caseId, this.customer)
			.update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> this.jdbc
			.sql("update handover_note_version set key_contacts = '被悄悄替换' where case_id = ? and customer_id = ?")
			.params(this.caseId, this.customer)
			.update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(
				() -> this.jdbc.sql("delete from handover_note_version where case_id = ?").param(this.caseId).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(
				() -> this.jdbc.sql("delete from handover_note where case_id = ?").param(this.caseId).update())
			.isInstanceOf(DataAccessException.class);
		assertThat(text()).isEqualTo(FIRST);
		// any change that does count leaves the earlier text behind
		this.jdbc.sql("""
				update handover_note set key_contacts = '另一条路径写入', version = version + 1
				where case_id = ? and customer_id = ?""").params(this.caseId, this.customer).update();
		assertThat(versions()).isEqualTo(2);
		assertThat(this.jdbc
			.sql("""
					select key_contacts from handover_note_version where case_id = ? and customer_id = ? and revision = 1""")
			.params(this.caseId, this.customer)
			.query(String.class)
			.single()).isEqualTo(FIRST);
	}

	private Api.Response write(String token, String keyContacts) {
		return this.api.put(token, apiPath(), Map.of("keyContacts", keyContacts));
	}

	private String apiPath() {
		return "/api/v1/offboarding/" + this.caseId + "/notes/" + this.customer;
	}

	private String notePath() {
		return "/offboarding/" + this.caseId + "/notes/" + this.customer;
	}

	private long versions() {
		return this.jdbc.sql("select count(*) from handover_note_version where case_id = ? and customer_id = ?")
			.params(this.caseId, this.customer)
			.query(Long.class)
			.single();
	}

	private String text() {
		return this.jdbc.sql("select key_contacts from handover_note where case_id = ? and customer_id = ?")
			.params(this.caseId, this.customer)
			.query(String.class)
			.single();
	}

	private JsonNode task(String token) {
		for (JsonNode task : this.api.get(token, "/api/v1/handover-tasks").body()) {
			if (task.get("customerId").asLong() == this.customer) {
				return task;
			}
		}
		throw new AssertionError("no task for customer " + this.customer);
	}

	private WebSession session(Employee employee) {
		WebSession session = new WebSession(this.port);
		assertThat(session.logIn(employee.username(), TestData.PASSWORD).statusCode()).isEqualTo(302);
		session.get("/?lang=zh_CN");
		return session;
	}

}
