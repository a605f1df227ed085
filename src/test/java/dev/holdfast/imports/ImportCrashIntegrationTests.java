package dev.holdfast.imports;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.assertj.core.api.InstanceOfAssertFactories;

import org.springframework.util.FileSystemUtils;

import dev.holdfast.Api;
import dev.holdfast.Multipart;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;
import dev.holdfast.database.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13's crash test: the application is killed ({@code kill -9}) in the middle of an
 * import's commit, started again on the same data directory (its orphaned PostgreSQL shut
 * down and recovered), the import is committed again, and every row of the file is a
 * customer exactly once, with its one contact; a new preview of the same file finds each
 * row a duplicate. The application runs in child JVMs from the packaged jar
 * ({@code target/holdfast.jar}, so this is also the smoke test of what ships: it starts
 * on a fresh data directory, gets ready, serves the login page and logs in through the
 * form and the API), given the tests' settings that matter as options (the
 * administrator's password, cheap password hashing), on a data directory of its own,
 * committing in chunks of {@value #CHUNK} rows. Tagged {@value ChildJvm#PACKAGED}:
 * failsafe runs it after {@code package}.
 */
@Tag(ChildJvm.PACKAGED)
class ImportCrashIntegrationTests {

	private static final int ROWS = 2_000;

	private static final int CHUNK = 100;

	private static final Duration START = Duration.ofMinutes(5);

	@Test
	void aCommitKilledMidwayAndCommittedAgainWritesEveryRowExactlyOnce() throws Exception {
		Path dataDir = Path.of("target", "import-crash").toAbsolutePath();
		FileSystemUtils.deleteRecursively(dataDir);
		String prefix = "杭州滨江崩溃测试";
		byte[] csv = csv(prefix);
		ChildJvm first = null;
		ChildJvm second = null;
		try {
			int firstPort = freePort();
			first = startApplication(dataDir, firstPort);
			loginPageAndFormLogin(firstPort);
			Api firstApi = new Api(firstPort);
			String firstToken = firstApi.login("admin", TestData.ADMIN_PASSWORD);
			Api.Response preview = new Multipart(firstPort).upload(firstToken, "/api/v1/imports", "file", "客户.csv",
					"text/csv", csv);
			assertThat(preview.status()).as("%s", preview).isEqualTo(201);
			long id = preview.body().get("preview").get("id").asLong();
			assertThat(preview.body().get("preview").get("fresh").asLong()).isEqualTo(ROWS);
			String path = "/api/v1/imports/" + id;
			Api.Response commit = firstApi.post(firstToken, path + "/commit",
					Map.of("duplicates", "SKIP", "owner", "ME"));
			assertThat(commit.status()).as("%s", commit).isEqualTo(202);

			AtomicReference<JsonNode> seen = new AtomicReference<>();
			ChildJvm committing = first;
			await("a first chunk committed").atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> !committing.isAlive() || progressed(seen, firstApi.get(firstToken, path)));
			assertThat(first.isAlive()).as("the application is committing; its last output: %s", first.lastOutput())
				.isTrue();
			long orphan = ChildJvm.postmasterPid(dataDir);
			first.kill();
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
				.as("kill -9 of the application leaves its PostgreSQL running")
				.hasValue(true);
			assertThat(seen.get().get("done").asLong()).as("rows done when the application was killed")
				.isLessThan(ROWS);

			int port = freePort();
			second = startApplication(dataDir, port);
			Api api = new Api(port);
			String token = api.login("admin", TestData.ADMIN_PASSWORD);
			assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was shut down")
				.isEmpty();
			JsonNode failed = api.get(token, path).body();
			long done = failed.get("done").asLong();
			assertThat(failed.get("status").asString()).as("%s", failed).isEqualTo("FAILED");
			assertThat(done).as("the chunks committed before the kill, whole").isBetween(1L, ROWS - 1L);
			assertThat(done % CHUNK).as("no chunk half written").isZero();
			assertThat(failed.get("created").asLong()).isEqualTo(done);

			commit = api.post(token, path + "/commit", Map.of("duplicates", "SKIP", "owner", "ME"));
			assertThat(commit.status()).as("%s", commit).isEqualTo(202);
			await("the commit resumed and ended").atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> !"COMMITTING".equals(api.get(token, path).text("status")));
			JsonNode committed = api.get(token, path).body();
			assertThat(committed.get("status").asString()).as("%s", committed).isEqualTo("COMMITTED");
			assertThat(List.of(committed.get("done").asLong(), committed.get("created").asLong(),
					committed.get("skipped").asLong()))
				.containsExactly((long) ROWS, (long) ROWS, 0L);
			// a name search counts up to holdfast.customer.exact-search-total-limit
			// (1,000 by
			// default), then says "1,000+"; the exact counts are read from the database
			// below
			JsonNode found = api.get(token, "/api/v1/customers?q=" + prefix + "&size=1").body();
			assertThat(List.of(found.get("total").asLong(), found.get("totalExact").asBoolean()))
				.as("customers found by the file's name prefix")
				.containsExactly(Math.min(ROWS, 1_000L), ROWS <= 1_000);
			assertThat(written(dataDir, prefix))
				.as("customers, names, contacts, customers without exactly one contact, "
						+ "import audit events, customers audited")
				.containsExactly((long) ROWS, (long) ROWS, (long) ROWS, 0L, (long) ROWS, (long) ROWS);

			Api.Response repeated = new Multipart(port).upload(token, "/api/v1/imports", "file", "客户.csv", "text/csv",
					csv);
			assertThat(repeated.status()).as("%s", repeated).isEqualTo(201);
			assertThat(List.of(repeated.body().get("preview").get("duplicates").asLong(),
					repeated.body().get("preview").get("fresh").asLong(),
					repeated.body().get("preview").get("invalid").asLong()))
				.as("the same file again: every row a duplicate by its name, none unchecked (the administrator sees "
						+ "the contacts masked: no phone looked up, so no reveal quota to run out)")
				.containsExactly((long) ROWS, 0L, 0L);
		}
		finally {
			if (first != null) {
				first.kill();
			}
			if (second != null) {
				second.stop();
			}
			ChildJvm.stopOrphanedServer(dataDir);
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/**
	 * Keeps the import's last state; true once some rows are done (the first chunk
	 * committed).
	 */
	private static boolean progressed(AtomicReference<JsonNode> seen, Api.Response response) {
		if (response.status() != 200) {
			throw new AssertionError("the import could not be read: " + response);
		}
		seen.set(response.body());
		return response.body().get("done").asLong() > 0;
	}

	private static byte[] csv(String prefix) {
		String[] people = { "李娜", "王芳", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄强" };
		StringBuilder csv = new StringBuilder("客户名称,联系人,手机\r\n");
		for (int i = 0; i < ROWS; i++) {
			csv.append(prefix)
				.append('第')
				.append(i)
				.append("号贸易有限公司,")
				.append(people[i % people.length])
				.append(',')
				.append(TestData.uniqueMobile())
				.append("\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Holdfast on the data directory and port, with the tests' settings but its own
	 * directory kept across starts; returns once it answers.
	 */
	private static ChildJvm startApplication(Path dataDir, int port) throws IOException {
		int management = freePort();
		ChildJvm child = ChildJvm.startPackaged(List.of("-Xmx384m", "-Duser.timezone=UTC", "-Dserver.port=" + port,
				"-Dmanagement.server.port=" + management, "-Dholdfast.embedded-postgres.data-dir=" + dataDir,
				"-Dholdfast.embedded-postgres.durable=false", "-Dholdfast.imports.chunk-size=" + CHUNK,
				"-Dholdfast.admin.initial-password=" + TestData.ADMIN_PASSWORD,
				"-Dholdfast.security.two-factor.enforced=false",
				"-Dholdfast.security.password-hashing.bcrypt-strength=4",
				// as in the other tests with a database of their own: no CPU for
				// a path not taken
				"-Dholdfast.protection.export.warm-up=false"), List.of(), (line) -> {
				});
		// ready, not only serving: the login page answers before the first administrator
		// exists (an application runner), and logging in then failed (CI)
		Api probes = new Api(management);
		await("Holdfast ready on port " + port).atMost(START)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> !child.isAlive() || probes.get(null, "/actuator/health/readiness").status() == 200);
		assertThat(child.isAlive()).as("Holdfast started; its last output: %s", child.lastOutput()).isTrue();
		return child;
	}

	/**
	 * The login page (templates, messages and static files as packaged) and a log-in
	 * through the form, with its CSRF token and session, as a browser does.
	 */
	private static void loginPageAndFormLogin(int port) {
		WebSession browser = new WebSession(port);
		HttpResponse<String> page = browser.get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"username\"", "name=\"password\"");
		assertThat(browser.get("/css/app.css").statusCode()).as("a static file of the jar").isEqualTo(200);
		HttpResponse<String> login = browser.logIn("admin", TestData.ADMIN_PASSWORD);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).get(InstanceOfAssertFactories.STRING)
			.doesNotContain("/login");
		assertThat(browser.get("/").statusCode()).as("the home page, logged in").isEqualTo(200);
	}

	/**
	 * What the database holds of the file: customers of the prefix, their distinct names,
	 * their contacts, those without exactly one contact, the import's audit events and
	 * the customers they name.
	 */
	private static List<Long> written(Path dataDir, String prefix) throws Exception {
		try (Connection connection = DriverManager.getConnection(ChildJvm.jdbcUrl(dataDir));
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("""
						select (select count(*) from customer where name like '%1$s%%'),
						       (select count(distinct normalized_name) from customer where name like '%1$s%%'),
						       (select count(*) from contact t join customer c on c.id = t.customer_id
						         where c.name like '%1$s%%'),
						       (select count(*) from customer c where c.name like '%1$s%%'
						         and (select count(*) from contact t where t.customer_id = c.id) <> 1),
						       (select count(*) from audit_event where action = 'CUSTOMER_IMPORTED'),
						       (select count(distinct target_id) from audit_event where action = 'CUSTOMER_IMPORTED')
						""".formatted(prefix))) {
			result.next();
			return List.of(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4),
					result.getLong(5), result.getLong(6));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
