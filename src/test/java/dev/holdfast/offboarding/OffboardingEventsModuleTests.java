package dev.holdfast.offboarding;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.TestData;
import dev.holdfast.care.CareVisitAssigned;
import dev.holdfast.protection.CanaryHit;
import dev.holdfast.protection.ExportApproved;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offboarding's events reach their listeners (issue 12, item 3): the module with what it
 * depends on, and the modules that listen (security, care, risk), in a context of its
 * own. Security revokes in the departure's transaction; risk keeps the look-back after
 * the resignation's commit, and the event publication registry records and completes the
 * publication. Risk raises a canary hit's alert by listening to protection's
 * {@code CanaryHit}.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "database", "security", "care", "risk", "protection" })
class OffboardingEventsModuleTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aDepartureRevokesEveryTokenInItsOwnTransaction(Scenario scenario) {
		long leaver = employee("离职张伟");
		token(leaver);
		scenario.publish(new EmployeeDeparted(null, leaver, true))
			.andWaitForStateChange(() -> openTokens(leaver), open -> open == 0)
			.andVerify(open -> assertThat(open).isZero());
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'SESSIONS_REVOKED' and target_id = ?")
			.param(String.valueOf(leaver))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aDepartureThatRollsBackLeavesTheTokensAsTheyWere() {
		long leaver = employee("离职李娜");
		token(leaver);
		this.transactions.executeWithoutResult(status -> {
			this.events.publishEvent(new EmployeeDeparted(null, leaver, false));
			// revoked already, inside the transaction: the listener is not asynchronous
			assertThat(openTokens(leaver)).isZero();
			status.setRollbackOnly();
		});
		assertThat(openTokens(leaver)).isEqualTo(1);
	}

	@Test
	void aResignationKeepsTheLookBackAfterItsCommit(Scenario scenario) {
		long leaver = employee("辞职王芳");
		long manager = employee("经理刘洋");
		scenario.publish(new ResignationRecorded(0, leaver, manager, TestData.today().plusDays(30)))
			.andWaitForStateChange(() -> this.jdbc.sql("select count(*) from risk_lookback where employee_id = ?")
				.param(leaver)
				.query(Long.class)
				.single(), kept -> kept == 1)
			.andVerify(kept -> assertThat(kept).isEqualTo(1));
		assertThat(this.jdbc.sql("""
				select count(*) from event_publication
				where event_type like '%ResignationRecorded' and serialized_event like ?
				      and listener_id like '%ResignationWatch%'""")
			.param("%\"employeeId\":" + leaver + ",%")
			.query(Long.class)
			.single()).as("the registry records the publication").isEqualTo(1);
		assertThat(dev.holdfast.Eventually.value("the publication completed", () -> this.jdbc
			.sql("""
					select count(*) from event_publication
					where event_type like '%ResignationRecorded' and serialized_event like ? and completion_date is not null""")
			.param("%\"employeeId\":" + leaver + ",%")
			.query(Long.class)
			.single(), n -> n == 1)).isEqualTo(1);
	}

	@Test
	void anApprovedExportIsToldToItsRequesterOnceEvenWhenRedelivered(Scenario scenario) {
		long requester = employee("销售陈静");
		long approver = employee("经理杨帆");
		ExportApproved approved = new ExportApproved(900000 + requester, requester, approver);
		scenario.publish(approved)
			.andWaitForStateChange(() -> notices(requester, "EXPORT_DECIDED"), n -> n > 0)
			.andVerify(n -> assertThat(n).isEqualTo(1));
		scenario.publish(approved)
			.andWaitForStateChange(() -> completed("ExportApproved", "\"requesterId\":" + requester + ","), n -> n == 2)
			.andVerify(n -> assertThat(notices(requester, "EXPORT_DECIDED")).isEqualTo(1));
	}

	@Test
	void careVisitsGivenToAVisitorAreToldOnceEvenWhenRedelivered(Scenario scenario) {
		long visitor = employee("客服赵敏");
		CareVisitAssigned assigned = new CareVisitAssigned(visitor, 900000 + visitor, 2, TestData.today().plusDays(3));
		scenario.publish(assigned)
			.andWaitForStateChange(() -> notices(visitor, "CARE_VISITS_ASSIGNED"), n -> n > 0)
			.andVerify(n -> assertThat(n).isEqualTo(1));
		scenario.publish(assigned)
			.andWaitForStateChange(() -> completed("CareVisitAssigned", "\"assigneeId\":" + visitor + ","), n -> n == 2)
			.andVerify(n -> assertThat(notices(visitor, "CARE_VISITS_ASSIGNED")).isEqualTo(1));
	}

	@Test
	void aCanaryHitRaisesOneCriticalAlertCountedOncePerHit(Scenario scenario) {
		long watched = employee("销售孙丽");
		CanaryHit hit = new CanaryHit(UUID.randomUUID().toString(), "export", 11, "export", 900000 + watched, watched,
				"phone");
		scenario.publish(hit)
			.andWaitForStateChange(() -> canaryAlerts(watched), n -> n > 0)
			.andVerify(n -> assertThat(n).isEqualTo(1));
		assertThat(observed(watched)).isEqualTo(1);
		// the same hit again (a redelivery) counts nothing
		scenario.publish(hit)
			.andWaitForStateChange(() -> completed("CanaryHit", hit.hit()), n -> n == 2)
			.andVerify(n -> assertThat(observed(watched)).isEqualTo(1));
		// another hit while the alert is open counts on it
		CanaryHit again = new CanaryHit(UUID.randomUUID().toString(), "export", 12, "export", 900000 + watched, watched,
				"email");
		scenario.publish(again)
			.andWaitForStateChange(() -> observed(watched), n -> n == 2)
			.andVerify(n -> assertThat(canaryAlerts(watched)).isEqualTo(1));
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where action = 'RISK_ALERT_RAISED' and target_id = ? and details like '%CANARY_HIT%'""")
			.param(String.valueOf(watched))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private long canaryAlerts(long employeeId) {
		return this.jdbc.sql(
				"select count(*) from risk_alert where employee_id = ? and indicator = 'CANARY_HIT' and severity = 'CRITICAL'")
			.param(employeeId)
			.query(Long.class)
			.single();
	}

	private long observed(long employeeId) {
		return this.jdbc.sql(
				"select cast(coalesce(sum(observed), 0) as bigint) from risk_alert where employee_id = ? and indicator = 'CANARY_HIT'")
			.param(employeeId)
			.query(Long.class)
			.single();
	}

	private long notices(long employeeId, String kind) {
		return this.jdbc.sql("select count(*) from notification where employee_id = ? and kind = ?")
			.params(employeeId, kind)
			.query(Long.class)
			.single();
	}

	/** Completed publications of an event type whose payload holds the text. */
	private long completed(String type, String text) {
		return this.jdbc.sql("""
				select count(*) from event_publication
				where event_type like ? and serialized_event like ? and completion_date is not null""")
			.params("%" + type, "%" + text + "%")
			.query(Long.class)
			.single();
	}

	private long employee(String name) {
		return this.jdbc.sql("insert into employee (username, display_name) values (?, ?) returning id")
			.params(TestData.unique("evt"), name)
			.query(Long.class)
			.single();
	}

	private void token(long employeeId) {
		this.jdbc.sql("""
				insert into api_token (employee_id, token_hash, expires_at)
				values (?, ?, now() + interval '1 day')""")
			.params(employeeId, (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64))
			.update();
	}

	private long openTokens(long employeeId) {
		return this.jdbc.sql("select count(*) from api_token where employee_id = ? and revoked_at is null")
			.param(employeeId)
			.query(Long.class)
			.single();
	}

}
