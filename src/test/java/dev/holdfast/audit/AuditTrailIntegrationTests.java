package dev.holdfast.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trail records logins, the database refuses to change it, and verification finds an
 * edit made behind the application's back.
 */
@HoldfastIntegrationTest
class AuditTrailIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	Api api;

	TestData data;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	@Test
	void loginsAreRecordedWithTheClientsAddressAndUserAgent() {
		TestData.Employee rep = this.data.employee("audited", null, null, "SALES");
		this.api.post(null, "/api/v1/auth/token", Map.of("username", rep.username(), "password", "wrong-password"));
		String nobody = TestData.unique("nobody");
		this.api.post(null, "/api/v1/auth/token", Map.of("username", nobody, "password", "wrong-password"));
		this.data.token(rep);

		AuditEventView failed = single("LOGIN_FAILED", rep.username());
		AuditEventView unknown = single("LOGIN_FAILED", nobody);
		AuditEventView succeeded = single("LOGIN_SUCCEEDED", rep.username());

		assertThat(failed.actorId()).isEqualTo(rep.id());
		assertThat(unknown.actorId()).isNull();
		assertThat(succeeded.actorId()).isEqualTo(rep.id());
		assertThat(succeeded.targetId()).isEqualTo(Long.toString(rep.id()));
		for (AuditEventView event : List.of(failed, unknown, succeeded)) {
			assertThat(event.clientIp()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
			assertThat(event.userAgent()).isEqualTo("holdfast-tests");
			assertThat(event.details()).doesNotContain("wrong-password", TestData.PASSWORD);
		}
	}

	@Test
	void theClientAddressIsNotTakenFromAForgeableHeaderAndALongUserAgentIsCut() throws Exception {
		TestData.Employee rep = this.data.employee("forwarded", null, null, "SALES");
		HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", "203.0.113.9")
			.header("User-Agent", "A".repeat(2000))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"username\":\"" + rep.username() + "\",\"password\":\"" + TestData.PASSWORD + "\"}"))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(login, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		AuditEventView event = single("LOGIN_SUCCEEDED", rep.username());
		assertThat(event.clientIp()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(event.userAgent()).hasSize(512);
	}

	@Test
	void eventsHoldIdsAndFactsButNoPersonalValues() {
		Map<String, Object> form = new HashMap<>();
		form.put("username", TestData.unique("private"));
		form.put("displayName", "隐私");
		form.put("password", "first-secret-password");
		form.put("email", "private.person@example.com");
		form.put("phone", "13912345678");
		form.put("roles", List.of("SALES"));
		Api.Response created = this.api.post(this.data.adminToken(), "/api/v1/employees", form);
		assertThat(created.status()).isEqualTo(201);
		this.api.patch(this.data.adminToken(), "/api/v1/employees/" + created.id(),
				Map.of("phone", "13987654321", "email", "other@example.com", "password", "second-secret-password"));

		List<String> events = this.jdbc
			.sql("select e::text from audit_event e where target_type = 'employee' and target_id = ?")
			.param(Long.toString(created.id()))
			.query(String.class)
			.list();

		assertThat(events).hasSizeGreaterThanOrEqualTo(3);
		assertThat(String.join("\n", events)).doesNotContain("13912345678", "13987654321", "private.person",
				"other@example", "secret-password");
	}

	@Test
	void theDatabaseRefusesToChangeOrRemoveEvents() {
		long id = this.jdbc.sql("select max(id) from audit_event").query(Long.class).single();
		long count = this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();

		assertRefused("update audit_event set action = 'EDITED' where id = " + id);
		assertRefused("update audit_event set details = '{}'");
		assertRefused("delete from audit_event where id = " + id);
		assertRefused("delete from audit_event");
		assertRefused("truncate audit_event");
		assertRefused("truncate audit_event cascade");

		assertThat(this.jdbc.sql("select count(*) from audit_event where id <= ?").param(id).query(Long.class).single())
			.isEqualTo(count);
		assertThat(this.jdbc.sql("select action from audit_event where id = ?").param(id).query(String.class).single())
			.isNotEqualTo("EDITED");
	}

	@Test
	void theChainOfTheWholeTrailVerifies() {
		long count = this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();

		Api.Response verification = this.api.get(this.data.adminToken(), "/api/v1/audit-events/verify");

		assertThat(verification.status()).isEqualTo(200);
		assertThat(verification.body().get("ok").asBoolean()).as(verification.raw()).isTrue();
		assertThat(verification.body().get("checked").asLong()).isEqualTo(count).isPositive();
	}

	@Test
	void eventsWrittenConcurrentlyStayInOneChain() throws Exception {
		List<TestData.Employee> reps = IntStream.range(0, 8)
			.mapToObj(i -> this.data.employee("concurrent", null, null, "SALES"))
			.toList();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> logins = reps.stream()
				.map(rep -> pool.submit(() -> this.api.login(rep.username(), TestData.PASSWORD)))
				.toList();
			for (Future<String> login : logins) {
				assertThat(login.get()).isNotBlank();
			}
		}
		finally {
			pool.shutdownNow();
		}

		Api.Response verification = this.api.get(this.data.adminToken(), "/api/v1/audit-events/verify");
		assertThat(verification.body().get("ok").asBoolean()).as(verification.raw()).isTrue();
		assertThat(this.jdbc
			.sql("select count(distinct prev_hash) = count(*) from audit_event where chain_seq is not null")
			.query(Boolean.class)
			.single()).as("no two events follow the same one").isTrue();
	}

	@Test
	void anEditBehindTheApplicationsBackIsDetected() throws SQLException {
		TestData.Employee rep = this.data.employee("tampered", null, null, "SALES");
		this.data.token(rep);
		AuditEventView victim = single("LOGIN_SUCCEEDED", rep.username());
		String admin = this.data.adminToken();
		assertThat(this.api.get(admin, "/api/v1/audit-events/verify").body().get("ok").asBoolean()).isTrue();

		try {
			setActionBypassingTriggers(victim.id(), "LOGIN_FAILED");

			Api.Response verification = this.api.get(admin, "/api/v1/audit-events/verify");

			assertThat(verification.status()).isEqualTo(200);
			assertThat(verification.body().get("ok").asBoolean()).isFalse();
			assertThat(verification.body().get("brokenEventId").asLong()).isEqualTo(victim.id());
			assertThat(verification.text("problem")).isNotBlank();
		}
		finally {
			setActionBypassingTriggers(victim.id(), victim.action());
		}
		assertThat(this.api.get(admin, "/api/v1/audit-events/verify").body().get("ok").asBoolean())
			.as("the chain is intact again for the tests that follow")
			.isTrue();
	}

	/**
	 * What a database superuser could do. The triggers are off only inside this one
	 * transaction, so no other test ever sees them disabled.
	 */
	private void setActionBypassingTriggers(long id, String action) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement();
					PreparedStatement update = connection
						.prepareStatement("update audit_event set action = ? where id = ?")) {
				statement.execute("alter table audit_event disable trigger user");
				update.setString(1, action);
				update.setLong(2, id);
				assertThat(update.executeUpdate()).isEqualTo(1);
				statement.execute("alter table audit_event enable trigger user");
				connection.commit();
			}
			catch (SQLException | RuntimeException | AssertionError ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	/**
	 * Runs the statement in a transaction that is rolled back in any case, so that a
	 * missing trigger fails this test instead of wiping the trail of the others.
	 */
	private void assertRefused(String sql) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			this.jdbc.sql(sql).update();
		})).as(sql).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
	}

	private AuditEventView single(String action, String username) {
		List<AuditEventView> events = this.jdbc
			.sql("select * from audit_event where action = ? and actor_username = ? order by id")
			.params(action, username)
			.query((rs, row) -> new AuditEventView(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getObject("actor_id", Long.class), rs.getString("actor_username"), rs.getString("action"),
					rs.getString("target_type"), rs.getString("target_id"), rs.getString("client_ip"),
					rs.getString("user_agent"), rs.getString("details"), rs.getString("prev_hash"),
					rs.getString("hash")))
			.list();
		assertThat(events).as("%s of %s", action, username).hasSize(1);
		return events.get(0);
	}

}
