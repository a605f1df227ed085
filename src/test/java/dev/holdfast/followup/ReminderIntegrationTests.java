package dev.holdfast.followup;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

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
 * The rhythm of a customer and the reminders built on it: a trivial follow-up does not
 * move the clock, a rep's reminders list only their own customers and the next contacts
 * they promised on customers they still see, and a manager's team list shows their team
 * only.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private TestData data;

	private Employee manager;

	private Employee rep;

	private Employee peer;

	private Employee peerManager;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long region = this.data.department("西南区", null);
		long elsewhere = this.data.department("东北区", null);
		this.manager = this.data.employee("mgr", region, null, "SALES_MANAGER");
		this.rep = this.data.employee("rep", region, this.manager.id(), "SALES");
		this.peerManager = this.data.employee("mgr", elsewhere, null, "SALES_MANAGER");
		this.peer = this.data.employee("rep", elsewhere, this.peerManager.id(), "SALES");
	}

	private long customer(Employee owner, String level, Duration age) {
		long id = this.api
			.post(this.data.token(owner), "/api/v1/customers",
					Map.of("name", TestData.unique("昆明滇池花卉") + "有限公司", "kind", "COMPANY", "level", level))
			.id();
		Timestamp then = Timestamp.from(Instant.now().minus(age));
		this.jdbc.sql("update customer set created_at = ? where id = ?").params(then, id).update();
		this.jdbc.sql("update customer_owner_history set changed_at = ? where customer_id = ?")
			.params(then, id)
			.update();
		return id;
	}

	private Api.Response followUp(Employee author, long customer, String kind, String content, Instant next) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("kind", kind);
		body.put("content", content);
		body.put("nextContactAt", next == null ? null : next.toString());
		Api.Response created = this.api.post(this.data.token(author), "/api/v1/customers/" + customer + "/follow-ups",
				body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	@Test
	void aTrivialFollowUpDoesNotMoveTheClockASubstantiveOneDoes() {
		long customer = customer(this.rep, "A", Duration.ofDays(10));
		Instant created = this.jdbc.sql("select created_at from customer where id = ?")
			.param(customer)
			.query(Timestamp.class)
			.single()
			.toInstant();
		String path = "/api/v1/customers/" + customer + "/rhythm";
		String token = this.data.token(this.rep);

		Api.Response before = this.api.get(token, path);
		assertThat(Instant.parse(before.text("dueAt"))).isEqualTo(created.plus(Duration.ofDays(7)));
		assertThat(before.body().get("overdue").asBoolean()).isTrue();

		followUp(this.rep, customer, "CALL", "好", null);
		assertThat(this.api.get(token, path).text("dueAt")).as("a one-word call counts for nothing")
			.isEqualTo(before.text("dueAt"));

		Instant visit = Instant.parse(followUp(this.rep, customer, "VISIT", "上门拜访", null).text("createdAt"));
		Api.Response after = this.api.get(token, path);
		assertThat(Instant.parse(after.text("dueAt"))).isEqualTo(visit.plus(Duration.ofDays(7)));
		assertThat(after.body().get("overdue").asBoolean()).isFalse();

		assertThat(this.api.get(this.data.token(this.peer), path).status()).isEqualTo(404);
		assertThat(this.api.get(this.data.token(this.manager), path).status()).isEqualTo(200);
	}

	@Test
	void aRepIsRemindedOfTheirOwnDueCustomersAndPromisesOnly() {
		long overdue = customer(this.rep, "A", Duration.ofDays(8));
		long notYet = customer(this.rep, "B", Duration.ofDays(3));
		long noRhythm = customer(this.rep, "D", Duration.ofDays(400));
		long peersOverdue = customer(this.peer, "A", Duration.ofDays(30));
		long promised = customer(this.rep, "C", Duration.ofDays(1));
		long answered = customer(this.rep, "C", Duration.ofDays(1));
		long movedAway = customer(this.rep, "C", Duration.ofDays(1));
		Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
		followUp(this.rep, promised, "CALL", "约好明天再打", hourAgo);
		followUp(this.rep, answered, "CALL", "约好明天再打", hourAgo);
		followUp(this.rep, answered, "CALL", "已经回过电话", null);
		followUp(this.rep, movedAway, "CALL", "约好明天再打", hourAgo);
		followUp(this.peer, peersOverdue, "CALL", "同行约的电话", hourAgo);
		// the customer went to a rep elsewhere: the promise is no longer the rep's to see
		this.jdbc.sql("update customer set owner_id = ? where id = ?").params(this.peer.id(), movedAway).update();

		Api.Response mine = this.api.get(this.data.token(this.rep), "/api/v1/reminders");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(ids(mine.body().get("rhythm"))).contains(overdue).doesNotContain(notYet, noRhythm, peersOverdue);
		assertThat(ids(mine.body().get("nextContacts"))).containsExactly(promised);
		JsonNode first = mine.body().get("rhythm").get(0);
		assertThat(first.get("overdue").asBoolean()).isTrue();

		Api.Response peers = this.api.get(this.data.token(this.peer), "/api/v1/reminders");
		assertThat(ids(peers.body().get("rhythm"))).contains(peersOverdue).doesNotContain(overdue);
		assertThat(ids(peers.body().get("nextContacts"))).doesNotContain(promised, movedAway);
	}

	@Test
	void aManagerSeesTheOverdueCustomersOfTheirTeamOnly() {
		long repsOverdue = customer(this.rep, "A", Duration.ofDays(9));
		long peersOverdue = customer(this.peer, "A", Duration.ofDays(9));

		Api.Response team = this.api.get(this.data.token(this.manager), "/api/v1/reminders/team");
		assertThat(team.status()).isEqualTo(200);
		List<Long> owners = new ArrayList<>();
		List<Long> customers = new ArrayList<>();
		team.body().forEach(owner -> {
			owners.add(owner.get("ownerId").asLong());
			customers.addAll(ids(owner.get("customers")));
		});
		assertThat(owners).contains(this.rep.id()).doesNotContain(this.peer.id());
		assertThat(customers).contains(repsOverdue).doesNotContain(peersOverdue);
		assertThat(this.api.get(this.data.token(this.rep), "/api/v1/reminders/team").status()).isEqualTo(403);
	}

	@Test
	void theRemindersPageListsDueCustomersWithALinkToFollowUp() {
		long overdue = customer(this.rep, "A", Duration.ofDays(8));
		String name = this.jdbc.sql("select name from customer where id = ?")
			.param(overdue)
			.query(String.class)
			.single();
		WebSession web = new WebSession(this.port);
		web.logIn(this.rep.username(), TestData.PASSWORD);
		HttpResponse<String> page = web.get("/reminders");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(name)
			.contains("/customers/" + overdue + "/follow-ups")
			.doesNotContain("id=\"reminders-team\"");

		WebSession managerWeb = new WebSession(this.port);
		managerWeb.logIn(this.manager.username(), TestData.PASSWORD);
		assertThat(managerWeb.get("/reminders").body()).contains("id=\"reminders-team\"").contains(name);

		HttpResponse<String> section = web.get("/customers/" + overdue + "/follow-ups");
		assertThat(section.body()).contains("id=\"customer-rhythm\"");
	}

	@Test
	void theOverdueBadgeGoesWithTheSectionTheQuickFormAnswers() {
		long overdue = customer(this.rep, "A", Duration.ofDays(9));
		WebSession web = new WebSession(this.port);
		web.logIn(this.rep.username(), TestData.PASSWORD);
		String path = "/customers/" + overdue + "/follow-ups";
		HttpResponse<String> before = web.get(path, "HX-Request", "true");
		assertThat(before.body()).containsPattern("id=\"customer-rhythm\"[^>]*text-bg-danger");

		HttpResponse<String> answer = web.post(path,
				Map.of("kind", "CALL", "content", "电话沟通了续约报价和交货期，客户答应下周三之前回复确认", "_csrf", WebSession.csrfToken(before)),
				"HX-Request", "true");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("id=\"followup-recorded\"")
			.contains("id=\"customer-rhythm\"")
			.doesNotContainPattern("id=\"customer-rhythm\"[^>]*text-bg-danger");
	}

	private static List<Long> ids(JsonNode list) {
		List<Long> ids = new ArrayList<>();
		list.forEach(item -> ids.add(item.get("customerId").asLong()));
		return ids;
	}

}
