package dev.holdfast.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.Api;
import dev.holdfast.ContextSwitch;
import dev.holdfast.Eventually;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.protection.CanaryHit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other kinds of post-departure signal, with the watch's own clock: a care visit that
 * could not reach the customer, one with a low score, no substantive follow-up for twice
 * the level's rhythm, a contact's e-mail at a known leaver domain (switched on for this
 * class), the leaver's canary hit; and the manager's monthly digest, sent once a month.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(PostDepartureSignalKindsIntegrationTests.RivalDomain.class)
class PostDepartureSignalKindsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WatchEvaluation evaluation;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	Api api;

	TestData data;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = TestData.given(this.api, this.jdbc);
	}

	@Test
	void eachKindIsRecordedOnceAndTheManagerGetsOneDigestAMonth() {
		long department = this.data.department("东北销售部", null);
		Employee manager = this.data.employee("mgr", department, null, "SALES_MANAGER");
		Employee service = this.data.employee("svc", department, manager.id(), "SERVICE");
		Employee leaver = this.data.employee("rep", department, manager.id(), "SALES");
		long unreached = this.data.customerOf(leaver, "C");
		long unhappy = this.data.customerOf(leaver, "C");
		long silent = this.data.customerOf(leaver, "B");
		long moved = this.data.customerOf(leaver, "D");
		String admin = this.data.adminToken();
		long caseId = this.api
			.post(admin, "/api/v1/employees/" + leaver.id() + "/resignation",
					Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay", TestData.today().toString()))
			.id();
		TestData.check(this.api.post(admin, "/api/v1/offboarding/" + caseId + "/terminate", Map.of("reason", "泄密")),
				200);
		Instant departed = Instant.now();
		this.evaluation.runFor(leaver.id(), departed.plusSeconds(60));

		String token = this.data.token(manager);
		String serviceToken = this.data.token(service);
		visit(token, serviceToken, unreached, service, Map.of("reached", false, "outcome", "电话三次无人接听"));
		visit(token, serviceToken, unhappy, service,
				Map.of("reached", true, "outcome", "客户对新的对接人不满意", "satisfaction", 1));
		this.data.contact(manager, moved,
				Map.of("name", "王经理", "email", "wang.jingli@Rival.example", "phone", TestData.uniqueMobile()));
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(
				new CanaryHit(TestData.unique("hit"), "personal", 0, "customer", moved, leaver.id(), "phone")));
		Eventually.value("the canary hit as a signal", () -> kinds(leaver), k -> k.contains("CANARY_HIT"));

		Instant fortyDaysOn = departed.plus(Duration.ofDays(40));
		this.evaluation.runFor(leaver.id(), fortyDaysOn);
		assertThat(kinds(leaver)).containsExactlyInAnyOrder("CARE_UNREACHED", "LOW_SATISFACTION", "NO_FOLLOW_UP",
				"CONTACT_DOMAIN", "CANARY_HIT");
		assertThat(customerOf(leaver, "NO_FOLLOW_UP")).isEqualTo(silent);
		assertThat(customerOf(leaver, "CONTACT_DOMAIN")).isEqualTo(moved);
		assertThat(this.evaluation.runFor(leaver.id(), fortyDaysOn.plusSeconds(3600))).isZero();

		// the digest of the month before, once in the month, to the manager
		Instant twoMonthsOn = YearMonth.from(TestData.today())
			.plusMonths(2)
			.atDay(2)
			.atStartOfDay(TestData.ZONE)
			.toInstant();
		this.evaluation.runFor(leaver.id(), twoMonthsOn);
		this.evaluation.runFor(leaver.id(), twoMonthsOn.plus(Duration.ofDays(3)));
		assertThat(digests(manager)).isOne();
		assertThat(this.api.get(token, "/api/v1/notifications").raw()).contains("/watches/" + leaver.id());
	}

	private void visit(String coordinator, String visitor, long customerId, Employee service, Map<String, ?> outcome) {
		Api.Response visit = this.api.post(coordinator, "/api/v1/customers/" + customerId + "/care-visits",
				Map.of("dueOn", TestData.today().plusDays(1).toString(), "assigneeId", service.id()));
		TestData.check(visit, 201);
		TestData.check(this.api.post(visitor, "/api/v1/care-visits/" + visit.id() + "/outcome", outcome), 200);
	}

	private List<String> kinds(Employee leaver) {
		return this.jdbc.sql("select kind from departure_watch_signal where employee_id = ?")
			.param(leaver.id())
			.query(String.class)
			.list();
	}

	private long customerOf(Employee leaver, String kind) {
		return this.jdbc.sql("select customer_id from departure_watch_signal where employee_id = ? and kind = ?")
			.params(leaver.id(), kind)
			.query(Long.class)
			.single();
	}

	private long digests(Employee manager) {
		return this.jdbc.sql("select count(*) from notification where employee_id = ? and kind = ?")
			.params(manager.id(), WatchEvaluation.DIGEST)
			.query(Long.class)
			.single();
	}

	/** A known leaver domain for this class: {@code rival.example}. */
	static class RivalDomain extends ContextSwitch {

		@Override
		protected Runnable apply(ApplicationContext context) {
			WatchProperties current = context.getBean(WatchProperties.class);
			return replace(context, current,
					new WatchProperties(current.defaultTermMonths(), current.lookbackMonths(),
							current.clusterCustomers(), current.clusterDays(), current.lowSatisfaction(),
							List.of("rival.example"), current.check()));
		}

	}

}
