package dev.holdfast.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A run of Holdfast's embedded PostgreSQL that never ends on its own: it commits one row
 * after another and prints {@code COMMITTED <id> END} once each commit has returned,
 * until it is killed. Started by {@link EmbeddedPostgresRecoveryIntegrationTests} as a
 * separate JVM.
 */
public final class EmbeddedPostgresChild {

	private EmbeddedPostgresChild() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer
			.acquire(new EmbeddedPostgresProperties(Path.of(args[0]), true, false));
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists committed_row (id bigint primary key, at timestamptz)");
			long next;
			try (ResultSet max = statement.executeQuery("select coalesce(max(id), 0) + 1 from committed_row")) {
				max.next();
				next = max.getLong(1);
			}
			try (PreparedStatement insert = connection
				.prepareStatement("insert into committed_row (id, at) values (?, now())")) {
				for (long id = next;; id++) {
					insert.setLong(1, id);
					insert.executeUpdate();
					System.out.println("COMMITTED " + id + " END");
					System.out.flush();
				}
			}
		}
	}

}
