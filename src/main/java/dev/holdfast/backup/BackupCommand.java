package dev.holdfast.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.holdfast.audit.ChainVerification;
import dev.holdfast.backup.archive.ArchiveCheck;
import dev.holdfast.backup.archive.BackupRefusedException;
import dev.holdfast.backup.archive.BackupSecret;
import dev.holdfast.backup.archive.Manifest;
import dev.holdfast.backup.archive.VerifiedArchive;
import dev.holdfast.backup.database.TableLoad;
import dev.holdfast.protection.BackupKeys;
import dev.holdfast.protection.DecryptionCheck;
import dev.holdfast.protection.KeySetCopy;

/**
 * The commands {@code backup --to FILE}, {@code backup --verify FILE} and
 * {@code restore --from FILE}, run by {@code main} instead of the web application. The
 * passphrase comes from {@code HOLDFAST_BACKUP_PASSPHRASE} (or the key set file from
 * {@code HOLDFAST_BACKUP_KEYSET}). Exit code 0 only when the command did all it says.
 */
public final class BackupCommand {

	private static final PrintStream out = System.out;

	/**
	 * The settings of the application a command starts for its work: without the
	 * scheduled jobs, which the serving instances run.
	 */
	static final String[] COMMAND_ARGUMENTS = { "--holdfast.scheduling.enabled=false" };

	private BackupCommand() {
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
	}

	public static int run(String[] args, Class<?> application) {
		return run(args, application, secret());
	}

	static int run(String[] args, Class<?> application, BackupSecret secret) {
		String[] rest = args.length > 3 ? Arrays.copyOfRange(args, 3, args.length) : new String[0];
		try {
			if (args.length >= 3 && args[0].equals("backup") && args[1].equals("--to")) {
				return backup(application, Path.of(args[2]), rest);
			}
			if (args.length >= 3 && args[0].equals("backup") && args[1].equals("--verify")) {
				return verify(Path.of(args[2]), secret);
			}
			if (args.length >= 3 && args[0].equals("restore") && args[1].equals("--from")) {
				return restore(application, Path.of(args[2]), secret, rest);
			}
		}
		catch (BackupRefusedException | IllegalStateException ex) {
			System.err.println(args[0] + " FAILED: " + ex.getMessage());
			return 1;
		}
		catch (Exception ex) {
			System.err.println(args[0] + " FAILED: " + ex);
			return 1;
		}
		System.err.println("usage: backup --to FILE | backup --verify FILE | restore --from FILE");
		return 2;
	}

	private static int backup(Class<?> application, Path file, String[] rest) {
		try (ConfigurableApplicationContext context = application(application, rest)) {
			Manifest manifest = context.getBean(Backups.class).writeTo(file);
			out.println("Backup written to " + file.toAbsolutePath());
			summary(manifest);
			return 0;
		}
	}

	private static int verify(Path file, BackupSecret secret) throws Exception {
		Manifest manifest = ArchiveCheck.verify(file, secret).manifest();
		out.println("Archive " + file + " is intact.");
		summary(manifest);
		return 0;
	}

	private static int restore(Class<?> application, Path file, BackupSecret secret, String[] rest) throws Exception {
		Manifest manifest = loadDatabase(file, secret, rest);
		out.println("Starting Holdfast on the restored database (migrating it forward) ...");
		try (ConfigurableApplicationContext context = application(application, rest)) {
			if (!completeRestore(context, file, secret, manifest)) {
				return 1;
			}
		}
		out.println("Restore complete.");
		summary(manifest);
		return 0;
	}

	/**
	 * The first part of a restore, before Holdfast starts on the restored database: the
	 * whole archive verified, then, in the smallest context that reaches the database
	 * ({@link RestoreDatabase}), the migrations up to the archive's version, the rows
	 * loaded and checked, and the key sets written where the configuration reads them.
	 * @return the archive's manifest
	 */
	static Manifest loadDatabase(Path file, BackupSecret secret, String[] rest) throws Exception {
		out.println("Verifying " + file + " ...");
		VerifiedArchive archive = ArchiveCheck.verify(file, secret);
		Manifest manifest = archive.manifest();
		List<KeySetCopy> keys = archive.keySets()
			.entrySet()
			.stream()
			.map(e -> new KeySetCopy(e.getKey(), e.getValue()))
			.toList();
		try (ConfigurableApplicationContext database = new SpringApplicationBuilder(RestoreDatabase.class)
			.web(WebApplicationType.NONE)
			.run(rest)) {
			BackupKeys.checkInstallable(database.getEnvironment(), keys);
			TableLoad load = new TableLoad(database.getBean(javax.sql.DataSource.class),
					database.getBeansOfType(JavaMigration.class).values());
			out.println("Loading " + manifest.tables().size() + " tables (" + manifest.rows() + " rows) at schema "
					+ "version " + manifest.schemaVersion() + " ...");
			ChainVerification chain = load.load(file, secret, manifest);
			out.println("Counts match the manifest; audit chain intact over " + chain.checked() + " events.");
			BackupKeys.install(database.getEnvironment(), keys);
		}
		return manifest;
	}

	/**
	 * The end of a restore, in Holdfast started on the restored database (whose start
	 * migrated it forward to this version): the files put back, every encrypted value
	 * decrypted with the restored keys, the restore audited.
	 * @return whether every value decrypted
	 */
	static boolean completeRestore(ConfigurableApplicationContext context, Path file, BackupSecret secret,
			Manifest manifest) throws java.io.IOException {
		RestoreCompletion completion = context.getBean(RestoreCompletion.class);
		out.println("Schema version now " + completion.schemaVersion() + " (the archive's: " + manifest.schemaVersion()
				+ ").");
		DecryptionCheck decryption = completion.complete(file, secret, manifest);
		out.println(decryption.values() + " encrypted values checked.");
		if (!decryption.ok()) {
			System.err.println("restore FAILED: values that do not decrypt: " + decryption.unreadable());
			return false;
		}
		return true;
	}

	/**
	 * Holdfast's services without a web server ({@link WebApplicationType#NONE}: no port
	 * is opened, whatever {@code SERVER_PORT} or {@code MANAGEMENT_SERVER_PORT} say, so a
	 * nightly backup command beside a running instance never meets its port; the beans of
	 * the web layer are conditional on a web application) and without the scheduled jobs,
	 * which the serving instances run.
	 */
	private static ConfigurableApplicationContext application(Class<?> application, String[] rest) {
		String[] args = new String[COMMAND_ARGUMENTS.length + rest.length];
		System.arraycopy(COMMAND_ARGUMENTS, 0, args, 0, COMMAND_ARGUMENTS.length);
		System.arraycopy(rest, 0, args, COMMAND_ARGUMENTS.length, rest.length);
		return commandApplication(application).run(args);
	}

	static SpringApplicationBuilder commandApplication(Class<?> application) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE);
	}

	private static BackupSecret secret() {
		return BackupSecret.of(setting("HOLDFAST_BACKUP_PASSPHRASE", "holdfast.backup.passphrase"),
				setting("HOLDFAST_BACKUP_KEYSET", "holdfast.backup.keyset"));
	}

	private static String setting(String variable, String property) {
		String value = System.getenv(variable);
		return value != null ? value : System.getProperty(property);
	}

	private static void summary(Manifest manifest) {
		out.println("  schema version " + manifest.schemaVersion() + ", written " + manifest.createdAt()
				+ " by Holdfast " + manifest.holdfastVersion());
		out.println("  " + manifest.tables().size() + " tables, " + manifest.rows() + " rows, "
				+ manifest.files().size() + " files (" + manifest.fileStore() + "), key sets " + manifest.keySets());
		if (manifest.auditHead() != null) {
			out.println("  audit chain head: event " + manifest.auditHead().id() + ", " + manifest.auditHead().hash());
		}
	}

}
