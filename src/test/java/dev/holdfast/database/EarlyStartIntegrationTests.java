package dev.holdfast.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, item 9: the embedded PostgreSQL started early (while the application context
 * is made) is the one the context acquires, not a second server on the same directory,
 * and it stops with the context as before.
 */
class EarlyStartIntegrationTests {

	@Test
	void theContextTakesOverTheServerStartedEarly() throws Exception {
		Path dataDir = Path.of("target", "embedded-postgres-early").toAbsolutePath();
		FileSystemUtils.deleteRecursively(dataDir);
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(dataDir, false, false);
		try {
			EmbeddedPostgresServer.startEarly(properties);
			EmbeddedPostgresServer.startEarly(properties);
			EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(properties);
			long postmaster = ChildJvm.postmasterPid(dataDir);
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select pg_backend_pid() > 0")) {
				assertThat(result.next()).isTrue();
				assertThat(result.getBoolean(1)).isTrue();
			}
			assertThat(EmbeddedPostgresServer.acquire(properties)).as("one server per directory").isSameAs(server);
			server.release();
			server.release();
			await("the server stops with the last context").atMost(Duration.ofSeconds(30))
				.until(() -> ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isEmpty());
		}
		finally {
			ChildJvm.stopOrphanedServer(dataDir);
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

}
