package dev.holdfast.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.notification.NotificationText;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every place that says "overdue" says the same, for a rep and for her manager: the
 * dashboard (API and page), the reminders page and API, the team list, the daily digest,
 * the weekly summary and the customer's own rhythm badge. The team (set up below) has one
 * customer of each case the rule decides; the instant is controlled: the answers are
 * asked at {@link #now} and three days later.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueAgreementIntegrationTests {

	private static final Pattern RED_OVERDUE = Pattern.compile("badge text-bg-danger\">已逾期<");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reminders reminders;

	@Autowired
	FollowUpDigests digests;

	@Autowired
	OverdueCustomers overdue;

	@Autowired
	VisibleCustomers visible;

	private Api api;

	/**
	 * The instant the answers are asked at: nothing falls due within two days of it, so a
	 * request made a few minutes later answers as at it; {@link #dueInTwoDays} is overdue
	 * three days later.
	 */
	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	private TestData data;

	private Employee manager;

	/** The rep with one customer of each case the rule decides. */
	private Employee her;

	/** A rep with one overdue customer. */
	private Employee him;

	/** Another region's rep, whose overdue customer the manager must not count. */
	private Employee outsider;

	/** A, followed up 10 days ago. */
	private long lateA;

	/** A, never followed up, created 30 days ago. */
	private long neverFollowedUp;

	/** B, won, followed up 20 days ago: the sales status plays no part. */
	private long wonLate;

	/**
	 * B, followed up 5 days ago, with a promise to call two days ago: a missed promise.
	 */
	private long promiseMissed;

	/**
	 * C, followed up 40 days ago, but handed to her 3 days ago: a full interval for her.
	 */
	private long handedOver;

	/** A, followed up 10 days ago, archived. */
	private long archived;

	/** D, followed up 200 days ago: no rhythm. */
	private long levelD;

	/** A, followed up 5 days ago: due in two days. */
	private long dueInTwoDays;

	/** C, followed up 35 days ago: his overdue customer. */
	private long hisLateC;

	/** A, followed up 10 days ago, owned in another region. */
	private long outsidersLateA;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = TestData.given(this.api, this.jdbc);
		Company company = this.data.company("苏州销售部", "苏州销售一组", "厦门销售部");
		this.manager = company.manager;
		this.her = company.owner;
		this.him = company.colleague;
		this.outsider = company.outsider;
		this.lateA = customer(this.her, "A", 30, 10);
		this.neverFollowedUp = customer(this.her, "A", 30, null);
		this.wonLate = customer(this.her, "B", 60, 20);
		this.jdbc.sql("update customer set status = 'WON' where id = ?").param(this.wonLate).update();
		this.promiseMissed = customer(this.her, "B", 60, null);
		Map<String, Object> note = new HashMap<>();
		note.put("kind", "CALL");
		note.put("content", "电话沟通年度采购计划，约好前天回电确认数量");
		note.put("nextContactAt", this.now.minus(Duration.ofDays(2)).toString());
		TestData.created(this.api.post(this.data.token(this.her),
				"/api/v1/customers/" + this.promiseMissed + "/follow-ups", note));
		this.data.lastFollowedUpAt(this.promiseMissed, daysAgo(5));
		this.handedOver = customer(this.her, "C", 90, 40);
		this.data.ownerChange(this.handedOver, this.him.id(), this.her.id(), "TRANSFER", daysAgo(3));
		this.archived = customer(this.her, "A", 30, 10);
		this.jdbc.sql("update customer set archived_at = now() where id = ?").param(this.archived).update();
		this.levelD = customer(this.her, "D", 300, 200);
		this.dueInTwoDays = customer(this.her, "A", 30, 5);
		this.hisLateC = customer(this.him, "C", 90, 35);
		customer(this.him, "C", 90, 20);
		this.outsidersLateA = customer(this.outsider, "A", 30, 10);
	}

	@Test
	void herRemindersDigestAndBadgesCountTheSameCustomers() {
		Set<Long> expected = herOverdue();
		Api.Response mine = this.api.get(this.data.token(this.her), "/api/v1/reminders");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body().get("overdue").asLong()).isEqualTo(expected.size());
		assertThat(ids(mine.body().get("rhythm"), true)).isEqualTo(expected);
		assertThat(ids(mine.body().get("rhythm"), false)).as("nothing else is due today").isEmpty();
		JsonNode promise = mine.body().get("nextContacts").get(0);
		assertThat(promise.get("customerId").asLong()).isEqualTo(this.promiseMissed);
		assertThat(promise.get("missed").asBoolean()).isTrue();

		MyReminders atNow = this.reminders.of(this.her.id(), this.now);
		assertThat(atNow.overdue()).isEqualTo(expected.size());
		assertThat(digestCount(this.digests.digestOf(this.her.id(), this.now))).isEqualTo(expected.size());

		WebSession web = new WebSession(this.port);
		web.logIn(this.her.username(), TestData.PASSWORD);
		String page = web.get("/reminders?lang=zh_CN").body();
		assertThat(count(RED_OVERDUE, page)).as("red overdue rows").isEqualTo(expected.size());
		assertThat(page).contains("data-count=\"" + expected.size() + "\"").contains("已过约定时间");

		String token = this.data.token(this.her);
		for (long customer : List.of(this.lateA, this.neverFollowedUp, this.wonLate, this.promiseMissed,
				this.handedOver, this.levelD, this.dueInTwoDays)) {
			Api.Response rhythm = this.api.get(token, "/api/v1/customers/" + customer + "/rhythm");
			assertThat(rhythm.body().get("overdue").asBoolean()).as("badge of " + customer)
				.isEqualTo(expected.contains(customer));
		}
	}

	@Test
	void herManagersDashboardTeamListAndSummaryCountTheSameCustomers() {
		Map<Long, Long> expected = Map.of(this.her.id(), 3L, this.him.id(), 1L);

		JsonNode dashboard = this.api.get(this.data.token(this.manager), "/api/v1/dashboard").body();
		Map<Long, Long> onDashboard = new HashMap<>();
		dashboard.get("overdue")
			.forEach(row -> onDashboard.put(row.get("employeeId").asLong(), row.get("total").asLong()));
		assertThat(onDashboard).isEqualTo(expected);
		JsonNode herRow = dashboard.get("overdue").get(0);
		assertThat(herRow.get("byLevel").get("A").asLong()).isEqualTo(2);
		assertThat(herRow.get("byLevel").get("B").asLong()).isEqualTo(1);

		Api.Response team = this.api.get(this.data.token(this.manager), "/api/v1/reminders/team");
		Map<Long, Long> onTeamList = new HashMap<>();
		Set<Long> listed = new HashSet<>();
		team.body().forEach(owner -> {
			onTeamList.put(owner.get("ownerId").asLong(), owner.get("overdue").asLong());
			listed.addAll(ids(owner.get("customers"), true));
		});
		assertThat(onTeamList).isEqualTo(expected);
		Set<Long> all = new HashSet<>(herOverdue());
		all.add(this.hisLateC);
		assertThat(listed).isEqualTo(all);

		WebSession web = new WebSession(this.port);
		web.logIn(this.manager.username(), TestData.PASSWORD);
		String reminders = web.get("/reminders?lang=zh_CN").body();
		assertThat(reminders).doesNotContain("团队中没有逾期客户")
			.contains("team-overdue-count\">3<", "team-overdue-count\">1<");
		String page = web.get("/dashboard?lang=zh_CN").body();
		String table = page.substring(page.indexOf("id=\"overdue-table\""));
		table = table.substring(0, table.indexOf("</table>"));
		assertThat(table.split("data-employee=\"" + this.her.id() + "\"")[1].split("</tr>")[0])
			.contains("fw-semibold\">3<");
		assertThat(table.split("data-employee=\"" + this.him.id() + "\"")[1].split("</tr>")[0])
			.contains("fw-semibold\">1<");

		String summary = this.digests.summaryOf(this.manager.id(), this.now).args().get(0);
		assertThat(Long.parseLong(summary)).isEqualTo(4);
		assertThat(this.digests.summaryOf(this.manager.id(), this.now).args().get(2))
			.contains("测试" + this.her.username() + " 3/", "测试" + this.him.username() + " 1/");
	}

	@Test
	void threeDaysLaterEveryAnswerCountsTheCustomerThatFellDue() {
		Instant later = this.now.plus(Duration.ofDays(3));
		MyReminders hers = this.reminders.of(this.her.id(), later);
		assertThat(hers.overdue()).isEqualTo(4);
		assertThat(hers.rhythm()).filteredOn(RhythmReminder::overdue)
			.extracting(RhythmReminder::customerId)
			.contains(this.dueInTwoDays);
		assertThat(digestCount(this.digests.digestOf(this.her.id(), later))).isEqualTo(4);

		VisibleCustomers.Owners managerScope = this.visible.ownersOf(this.manager.id());
		List<TeamOverdue> team = this.reminders.teamOf(managerScope, later);
		assertThat(team).extracting(TeamOverdue::ownerId, TeamOverdue::overdue)
			.containsExactly(Tuple.tuple(this.her.id(), 4L), Tuple.tuple(this.him.id(), 1L));
		assertThat(this.overdue.byOwner(managerScope, later)).extracting(OwnerOverdue::total).containsExactly(4L, 1L);
		assertThat(this.digests.summaryOf(this.manager.id(), later).args().get(0)).isEqualTo("5");
	}

	@Test
	void theOtherRegionsCustomerIsTheirManagersOnly() {
		VisibleCustomers.Owners managerScope = this.visible.ownersOf(this.manager.id());
		assertThat(this.overdue.dueBefore(managerScope, this.now, this.now, 1000))
			.extracting(RhythmReminder::customerId)
			.doesNotContain(this.outsidersLateA, this.archived, this.levelD);
		Api.Response outsider = this.api.get(this.data.token(this.outsider), "/api/v1/reminders");
		assertThat(ids(outsider.body().get("rhythm"), true)).containsExactly(this.outsidersLateA);
	}

	/** Her overdue customers at {@link #now}. */
	private Set<Long> herOverdue() {
		return Set.of(this.lateA, this.neverFollowedUp, this.wonLate);
	}

	/**
	 * A customer of the owner created (and so assigned) {@code createdDaysAgo} days ago,
	 * last followed up {@code followedUpDaysAgo} days ago (null: never).
	 */
	private long customer(Employee owner, String level, int createdDaysAgo, Integer followedUpDaysAgo) {
		long id = this.data.customer(owner,
				Map.of("name", TestData.unique("苏州工业园精密") + "有限公司", "kind", "COMPANY", "level", level));
		this.data.assignedAt(id, daysAgo(createdDaysAgo));
		if (followedUpDaysAgo != null) {
			this.data.lastFollowedUpAt(id, daysAgo(followedUpDaysAgo));
		}
		return id;
	}

	private Instant daysAgo(int days) {
		return this.now.minus(Duration.ofDays(days));
	}

	private static long digestCount(NotificationText digest) {
		// with or without the first promised contact's time: the count comes first in
		// both
		assertThat(digest.key()).isIn("rhythm.digest.body", "rhythm.digest.bodyNext");
		return Long.parseLong(digest.args().get(0));
	}

	private static Set<Long> ids(JsonNode reminders, boolean overdue) {
		List<Long> ids = new ArrayList<>();
		reminders.forEach(r -> {
			if (r.get("overdue").asBoolean() == overdue) {
				ids.add(r.get("customerId").asLong());
			}
		});
		assertThat(ids).doesNotHaveDuplicates();
		return new HashSet<>(ids);
	}

	private static int count(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		int n = 0;
		while (matcher.find()) {
			n++;
		}
		return n;
	}

}
