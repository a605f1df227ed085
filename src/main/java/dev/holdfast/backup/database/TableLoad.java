package dev.holdfast.backup.database;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.holdfast.audit.AuditChainHead;
import dev.holdfast.audit.AuditChains;
import dev.holdfast.audit.ChainVerification;
import dev.holdfast.backup.archive.ArchiveReader;
import dev.holdfast.backup.archive.BackupRefusedException;
import dev.holdfast.backup.archive.BackupSecret;
import dev.holdfast.backup.archive.Manifest;

/**
 * Loads a verified archive into an empty database: the migrations up to the archive's
 * schema version, then every table by {@code COPY ... FROM STDIN} in one transaction
 * (triggers off, parents first), the sequences, and the checks before the commit: the row
 * count of every table and the audit chain up to the archive's head. Anything wrong rolls
 * the rows back and removes the schema again, so the database is left empty.
 */
public final class TableLoad {

	private final DataSource target;

	private final Collection<JavaMigration> javaMigrations;

	public TableLoad(DataSource target, Collection<JavaMigration> javaMigrations) {
		this.target = target;
		this.javaMigrations = javaMigrations;
	}

	/** Refuses a database that holds anything in its schema. */
	public void requireEmpty() {
		long relations = Catalog.relations(JdbcClient.create(this.target));
		if (relations > 0) {
			throw new BackupRefusedException("the database is not empty (" + relations
					+ " tables, views or sequences in its schema): restore only into an empty database");
		}
	}

	public ChainVerification load(Path archive, BackupSecret secret, Manifest manifest) throws IOException {
		requireEmpty();
		Flyway flyway = flyway(manifest.schemaVersion());
		flyway.migrate();
		try {
			LibrarySchemas.createMissing(this.target, manifest);
			return loadRows(archive, secret, manifest);
		}
		catch (RuntimeException | IOException | SQLException ex) {
			flyway.clean();
			if (ex instanceof BackupRefusedException refused) {
				throw refused;
			}
			throw new BackupRefusedException("loading the archive failed; the database was left empty: " + ex, ex);
		}
	}

	private Flyway flyway(String version) {
		Flyway flyway = Flyway.configure()
			.dataSource(this.target)
			.locations("classpath:db/migration")
			.javaMigrations(this.javaMigrations.toArray(JavaMigration[]::new))
			.target(MigrationVersion.fromVersion(version))
			.cleanDisabled(false)
			.load();
		MigrationVersion wanted = MigrationVersion.fromVersion(version);
		boolean known = java.util.Arrays.stream(flyway.info().all())
			.map(MigrationInfo::getVersion)
			.anyMatch(wanted::equals);
		if (!known) {
			throw new BackupRefusedException("the archive's schema version " + version
					+ " is unknown to this Holdfast (a newer one wrote it): restore with that version or a later one");
		}
		return flyway;
	}

	private ChainVerification loadRows(Path archive, BackupSecret secret, Manifest manifest)
			throws IOException, SQLException {
		try (Connection connection = this.target.getConnection()) {
			connection.setAutoCommit(false);
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			createPartitions(jdbc, manifest);
			Triggers triggers = Triggers.off(jdbc, manifest.tables().stream().map(Manifest.Table::name).toList());
			copyIn(connection, jdbc, archive, secret, manifest);
			for (Manifest.Sequence sequence : manifest.sequences()) {
				jdbc.sql("select setval(?::regclass, ?, ?)")
					.params(Catalog.quote(sequence.name()), sequence.lastValue(), sequence.isCalled())
					.query(Long.class)
					.single();
			}
			checkCounts(jdbc, manifest);
			ChainVerification chain = checkChain(jdbc, manifest);
			triggers.on();
			connection.commit();
			return chain;
		}
	}

	/**
	 * The partitions of the archive that the migrations did not create (the months the
	 * audit trail's job created ahead of time), with the archive's bounds.
	 */
	private static void createPartitions(JdbcClient jdbc, Manifest manifest) {
		for (Manifest.Table table : manifest.tables()) {
			if (table.partitionOf() != null && table.bound() != null) {
				jdbc.sql("create table if not exists " + Catalog.quote(table.name()) + " partition of "
						+ Catalog.quote(table.partitionOf()) + " " + table.bound())
					.update();
			}
		}
	}

	private void copyIn(Connection connection, JdbcClient jdbc, Path archive, BackupSecret secret, Manifest manifest)
			throws IOException, SQLException {
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		Map<String, Manifest.Table> tables = manifest.tables()
			.stream()
			.collect(Collectors.toMap(Manifest.Table::name, Function.identity()));
		try (ArchiveReader reader = ArchiveReader.open(archive, secret)) {
			reader.forEach((name, content) -> {
				Manifest.Table table = name.startsWith(Manifest.TABLES)
						? tables.get(name.substring(Manifest.TABLES.length())) : null;
				if (table == null) {
					return;
				}
				String quoted = Catalog.quote(table.name());
				// the migrations wrote their own bookkeeping (Flyway's history): the
				// archive's
				// replaces it
				jdbc.sql("delete from " + quoted).update();
				try {
					copy.copyIn("copy " + quoted + " (" + Catalog.columnList(table.columns()) + ") from stdin",
							content);
				}
				catch (SQLException ex) {
					throw new IOException("loading " + table.name() + " failed: " + ex.getMessage(), ex);
				}
			});
		}
	}

	private static void checkCounts(JdbcClient jdbc, Manifest manifest) {
		for (Manifest.Table table : manifest.tables()) {
			long rows = jdbc.sql("select count(*) from " + Catalog.quote(table.name())).query(Long.class).single();
			if (rows != table.rows()) {
				throw new BackupRefusedException("table " + table.name() + " holds " + rows + " rows after loading, "
						+ "the archive's manifest " + table.rows());
			}
		}
	}

	private static ChainVerification checkChain(JdbcClient jdbc, Manifest manifest) {
		if (manifest.auditHead() == null) {
			return new ChainVerification(true, 0, null, null);
		}
		ChainVerification chain = AuditChains.verifyUpTo(jdbc,
				new AuditChainHead(manifest.auditHead().id(), manifest.auditHead().hash()));
		if (!chain.ok()) {
			throw new BackupRefusedException(
					"the restored audit chain is broken at event " + chain.brokenEventId() + ": " + chain.problem());
		}
		return chain;
	}

}
