package dev.holdfast.backup.database;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.backup.archive.ArchiveWriter;
import dev.holdfast.backup.archive.Manifest;

/**
 * Writes every table of the current schema into an archive through {@code COPY ... TO
 * STDOUT}, streamed row by row, and reads the sequences: all on the caller's connection,
 * whose transaction (repeatable read) makes it one snapshot.
 */
public final class TableDump {

	private final Connection connection;

	private final JdbcClient jdbc;

	public TableDump(Connection connection, JdbcClient jdbc) {
		this.connection = connection;
		this.jdbc = jdbc;
	}

	/** The Flyway version of the schema, in this snapshot. */
	public String schemaVersion() {
		return this.jdbc.sql("""
				select version from flyway_schema_history where success and version is not null
				order by installed_rank desc limit 1""")
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("the database has no applied migration"));
	}

	public List<Manifest.Table> writeTables(ArchiveWriter archive) throws IOException, SQLException {
		CopyManager copy = this.connection.unwrap(PGConnection.class).getCopyAPI();
		List<Manifest.Table> tables = new ArrayList<>();
		for (String table : Catalog.tablesInLoadOrder(this.jdbc)) {
			List<String> columns = Catalog.columns(this.jdbc, table);
			long rows;
			try (OutputStream out = archive.entry(Manifest.TABLES + table)) {
				rows = copy.copyOut("copy " + Catalog.quote(table) + " (" + Catalog.columnList(columns) + ") to stdout",
						out);
			}
			var partition = Catalog.partition(this.jdbc, table);
			tables.add(new Manifest.Table(table, columns, rows, partition.map(Map.Entry::getKey).orElse(null),
					partition.map(Map.Entry::getValue).orElse(null)));
		}
		return tables;
	}

	public List<Manifest.Sequence> sequences() {
		return Catalog.sequences(this.jdbc)
			.stream()
			.map(name -> this.jdbc.sql("select last_value, is_called from " + Catalog.quote(name))
				.query((rs, n) -> new Manifest.Sequence(name, rs.getLong(1), rs.getBoolean(2)))
				.single())
			.toList();
	}

}
