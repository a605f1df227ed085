package dev.holdfast.followup;

import java.time.Duration;
import java.time.Instant;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every place that says "overdue" says the same, for a rep and for her manager: the
 * dashboard (API and page), the reminders page and API, the team list, the daily digest,
 * the weekly summary and the customer's own rhythm badge. The team ({@link OverdueWorld})
 * has one customer of each case the rule decides; the instant is controlled: the answers
 * are asked at {@link OverdueWorld#now} and three days later.
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

	private OverdueWorld world;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.world = new OverdueWorld(this.api, this.jdbc);
	}

	@Test
	void herRemindersDigestAndBadgesCountTheSameCustomers() {
		Set<Long> expected = this.world.herOverdue();
		Api.Response mine = this.api.get(this.world.data.token(this.world.her), "/api/v1/reminders");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body().get("overdue").asLong()).isEqualTo(expected.size());
		assertThat(ids(mine.body().get("rhythm"), true)).isEqualTo(expected);
		assertThat(ids(mine.body().get("rhythm"), false)).as("nothing else is due today").isEmpty();
		JsonNode promise = mine.body().get("nextContacts").get(0);
		assertThat(promise.get("customerId").asLong()).isEqualTo(this.world.promiseMissed);
		assertThat(promise.get("missed").asBoolean()).isTrue();

		MyReminders atNow = this.reminders.of(this.world.her.id(), this.world.now);
		assertThat(atNow.overdue()).isEqualTo(expected.size());
		assertThat(digestCount(this.digests.digestOf(this.world.her.id(), this.world.now))).isEqualTo(expected.size());

		WebSession web = new WebSession(this.port);
		web.logIn(this.world.her.username(), TestData.PASSWORD);
		String page = web.get("/reminders?lang=zh_CN").body();
		assertThat(count(RED_OVERDUE, page)).as("red overdue rows").isEqualTo(expected.size());
		assertThat(page).contains("data-count=\"" + expected.size() + "\"").contains("已过约定时间");

		String token = this.world.data.token(this.world.her);
		for (long customer : List.of(this.world.lateA, this.world.neverFollowedUp, this.world.wonLate,
				this.world.promiseMissed, this.world.handedOver, this.world.levelD, this.world.dueInTwoDays)) {
			Api.Response rhythm = this.api.get(token, "/api/v1/customers/" + customer + "/rhythm");
			assertThat(rhythm.body().get("overdue").asBoolean()).as("badge of " + customer)
				.isEqualTo(expected.contains(customer));
		}
	}

	@Test
	void herManagersDashboardTeamListAndSummaryCountTheSameCustomers() {
		Map<Long, Long> expected = Map.of(this.world.her.id(), 3L, this.world.him.id(), 1L);

		JsonNode dashboard = this.api.get(this.world.data.token(this.world.manager), "/api/v1/dashboard").body();
		Map<Long, Long> onDashboard = new HashMap<>();
		dashboard.get("overdue")
			.forEach(row -> onDashboard.put(row.get("employeeId").asLong(), row.get("total").asLong()));
		assertThat(onDashboard).isEqualTo(expected);
		JsonNode herRow = dashboard.get("overdue").get(0);
		assertThat(herRow.get("byLevel").get("A").asLong()).isEqualTo(2);
		assertThat(herRow.get("byLevel").get("B").asLong()).isEqualTo(1);

		Api.Response team = this.api.get(this.world.data.token(this.world.manager), "/api/v1/reminders/team");
		Map<Long, Long> onTeamList = new HashMap<>();
		Set<Long> listed = new HashSet<>();
		team.body().forEach(owner -> {
			onTeamList.put(owner.get("ownerId").asLong(), owner.get("overdue").asLong());
			listed.addAll(ids(owner.get("customers"), true));
		});
		assertThat(onTeamList).isEqualTo(expected);
		Set<Long> all = new HashSet<>(this.world.herOverdue());
		all.add(this.world.hisLateC);
		assertThat(listed).isEqualTo(all);

		WebSession web = new WebSession(this.port);
		web.logIn(this.world.manager.username(), TestData.PASSWORD);
		String reminders = web.get("/reminders?lang=zh_CN").body();
		assertThat(reminders).doesNotContain("团队中没有逾期客户")
			.contains("team-overdue-count\">3<", "team-overdue-count\">1<");
		String page = web.get("/dashboard?lang=zh_CN").body();
		String table = page.substring(page.indexOf("id=\"overdue-table\""));
		table = table.substring(0, table.indexOf("</table>"));
		assertThat(table.split("data-employee=\"" + this.world.her.id() + "\"")[1].split("</tr>")[0])
			.contains("fw-semibold\">3<");
		assertThat(table.split("data-employee=\"" + this.world.him.id() + "\"")[1].split("</tr>")[0])
			.contains("fw-semibold\">1<");

		String summary = this.digests.summaryOf(this.world.manager.id(), this.world.now).args().get(0);
		assertThat(Long.parseLong(summary)).isEqualTo(4);
		assertThat(this.digests.summaryOf(this.world.manager.id(), this.world.now).args().get(2))
			.contains("测试" + this.world.her.username() + " 3/", "测试" + this.world.him.username() + " 1/");
	}

	@Test
	void threeDaysLaterEveryAnswerCountsTheCustomerThatFellDue() {
		Instant later = this.world.now.plus(Duration.ofDays(3));
		MyReminders hers = this.reminders.of(this.world.her.id(), later);
		assertThat(hers.overdue()).isEqualTo(4);
		assertThat(hers.rhythm()).filteredOn(RhythmReminder::overdue)
			.extracting(RhythmReminder::customerId)
			.contains(this.world.dueInTwoDays);
		assertThat(digestCount(this.digests.digestOf(this.world.her.id(), later))).isEqualTo(4);

		VisibleCustomers.Owners managerScope = this.visible.ownersOf(this.world.manager.id());
		List<TeamOverdue> team = this.reminders.teamOf(managerScope, later);
		assertThat(team).extracting(TeamOverdue::ownerId, TeamOverdue::overdue)
			.containsExactly(Tuple.tuple(this.world.her.id(), 4L), Tuple.tuple(this.world.him.id(), 1L));
		assertThat(this.overdue.byOwner(managerScope, later)).extracting(OwnerOverdue::total).containsExactly(4L, 1L);
		assertThat(this.digests.summaryOf(this.world.manager.id(), later).args().get(0)).isEqualTo("5");
	}

	@Test
	void theOtherRegionsCustomerIsTheirManagersOnly() {
		VisibleCustomers.Owners managerScope = this.visible.ownersOf(this.world.manager.id());
		assertThat(this.overdue.dueBefore(managerScope, this.world.now, this.world.now, 1000))
			.extracting(RhythmReminder::customerId)
			.doesNotContain(this.world.outsidersLateA, this.world.archived, this.world.levelD);
		Api.Response outsider = this.api.get(this.world.data.token(this.world.outsider), "/api/v1/reminders");
		assertThat(ids(outsider.body().get("rhythm"), true)).containsExactly(this.world.outsidersLateA);
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
