package dev.holdfast.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.backup.archive.ArchiveCheck;
import dev.holdfast.backup.archive.BackupRefusedException;
import dev.holdfast.backup.archive.Manifest;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * Backups of the whole of Holdfast: written by an administrator ({@code role.manage}, as
 * the encryption keys it includes), by the schedule or by {@code backup --to}, each
 * audited as {@link AuditAction#BACKUP_CREATED} with its counts. The schedule's and an
 * administrator's are one at a time across all instances: both hold the scheduled job's
 * lock ({@link BackupJob#LOCK}); the folder keeps the last {@code holdfast.backup.keep}.
 */
@Service
public class Backups {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	static final String SUFFIX = ".hfbak";

	/**
	 * An archive's name: when it was written, in the company's zone
	 * ({@code holdfast.zone}), as the schedule and every time on the pages are.
	 */
	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'holdfast-'yyyyMMdd-HHmmss");

	private final ArchiveCreation creation;

	private final BackupProperties properties;

	private final AuditTrail audit;

	private final LockProvider locks;

	private final HoldfastClock clock;

	Backups(ArchiveCreation creation, BackupProperties properties, AuditTrail audit, LockProvider locks,
			HoldfastClock clock) {
		this.creation = creation;
		this.properties = properties;
		this.audit = audit;
		this.locks = locks;
		this.clock = clock;
	}

	/**
	 * An administrator's backup into the backup folder; 409 while the schedule's or
	 * another administrator's is being written.
	 */
	@Transactional
	public BackupView create() {
		Permission.ROLE_MANAGE.require();
		SimpleLock lock = this.locks
			.lock(new LockConfiguration(this.clock.now(), BackupJob.LOCK, Duration.parse(BackupJob.AT_MOST),
					Duration.ZERO))
			.orElseThrow(() -> new ConflictException("backup_running",
					"a backup is being written already; try again later"));
		try {
			return intoFolder();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The archives in the backup folder, newest first, with the facts recorded beside
	 * them. Facts whose archive is gone (removed by hand) are removed first: they would
	 * otherwise outlive it, and be shown for another archive copied in later under its
	 * name.
	 */
	public List<BackupView> list() {
		Permission.ROLE_MANAGE.require();
		removeOrphanedFacts();
		return archives().stream().map(Backups::view).toList();
	}

	/**
	 * Verifies an archive of the backup folder whole ({@code backup --verify}) and
	 * records the result (and, for an intact archive, its manifest's facts) beside it.
	 * @throws NotFoundException for a name that is no archive of the folder
	 */
	public BackupView verify(String name) {
		Permission.ROLE_MANAGE.require();
		Path file = archives().stream()
			.filter(f -> f.getFileName().toString().equals(name))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("backup"));
		ArchiveFacts facts;
		try {
			Manifest manifest = ArchiveCheck.verify(file, this.properties.secret()).manifest();
			facts = ArchiveFacts.of(manifest).checked(new BackupCheck(this.clock.now(), true, null));
		}
		catch (BackupRefusedException ex) {
			// the technical detail (the library's words, a table's name) for the log; the
			// listing keeps the sentence the page translates
			log.warn("backup: {} did not verify: {}", name, ex.getMessage());
			facts = ArchiveFacts.read(file)
				.orElseGet(ArchiveFacts::unknown)
				.checked(new BackupCheck(this.clock.now(), false, ex.reason()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the backup " + name, ex);
		}
		record(file, facts);
		return view(file);
	}

	/** The schedule and the folder, for the administrators' page. */
	public BackupSchedule schedule() {
		Permission.ROLE_MANAGE.require();
		String cron = this.properties.cron();
		boolean on = cron != null && !cron.isBlank() && !cron.equals("-");
		String encryption = this.properties.keyset() != null ? "keyset"
				: this.properties.passphrase() == null || this.properties.passphrase().isBlank() ? "none"
						: "passphrase";
		return new BackupSchedule(on ? cron : null,
				on ? CronExpression.parse(cron).next(this.clock.now().atZone(this.clock.zone())).toInstant() : null,
				this.properties.keep(), this.properties.dir().toAbsolutePath().normalize().toString(), encryption);
	}

	/** The schedule's backup, under the job's lock ({@link BackupJob}). */
	@Transactional
	public void runScheduled() {
		intoFolder();
	}

	/**
	 * {@code backup --to FILE}: run by whoever runs Holdfast on its machine, audited as
	 * the system's act.
	 */
	@Transactional
	public Manifest writeTo(Path file) {
		return write(file);
	}

	private BackupView intoFolder() {
		Path file = unused(NAME.withZone(this.clock.zone()).format(this.clock.now()));
		Manifest manifest = write(file);
		record(file, ArchiveFacts.of(manifest));
		prune();
		return view(file);
	}

	/**
	 * Keeps the facts beside the archive; without them the listing shows less, and the
	 * archive is as good.
	 */
	private static void record(Path file, ArchiveFacts facts) {
		try {
			facts.write(file);
		}
		catch (IOException ex) {
			log.warn("backup: could not write the facts beside {}: {}", file.getFileName(), ex.toString());
		}
	}

	private Manifest write(Path file) {
		Manifest manifest;
		try {
			manifest = this.creation.write(file);
		}
		catch (BackupRefusedException ex) {
			throw new ConflictException("backup_refused", ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the backup could not be written to " + file, ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the backup could not read the database", ex);
		}
		this.audit.record(AuditAction.BACKUP_CREATED, "backup", null, Map.of("archive", file.getFileName().toString(),
				"tables", manifest.tables().size(), "rows", manifest.rows(), "files", manifest.files().size()));
		return manifest;
	}

	private void prune() {
		removeOrphanedFacts();
		List<Path> archives = archives();
		for (Path old : archives.subList(Math.min(this.properties.keep(), archives.size()), archives.size())) {
			try {
				Files.deleteIfExists(old);
				Files.deleteIfExists(ArchiveFacts.sidecar(old));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not remove the old backup " + old, ex);
			}
		}
	}

	/**
	 * The folder's file of that name, or with "-2", "-3" … when one of it exists: two
	 * backups within one second (or a clock put back) never overwrite one another (CI,
	 * stop 22: "back up now" replaced the archive another test had made that second).
	 */
	private Path unused(String name) {
		Path file = this.properties.dir().resolve(name + SUFFIX);
		for (int n = 2; Files.exists(file); n++) {
			file = this.properties.dir().resolve(name + "-" + n + SUFFIX);
		}
		return file;
	}

	/**
	 * Removes each {@code <archive>.json} of the folder whose archive is not there (a
	 * failure is logged: the listing never shows such facts anyway).
	 */
	private void removeOrphanedFacts() {
		if (!Files.isDirectory(this.properties.dir())) {
			return;
		}
		String facts = SUFFIX + ".json";
		try (Stream<Path> files = Files.list(this.properties.dir())) {
			files.filter(f -> f.getFileName().toString().endsWith(facts))
				.filter(f -> !Files.exists(f
					.resolveSibling(f.getFileName().toString().substring(0, f.getFileName().toString().length() - 5))))
				.forEach(orphan -> {
					try {
						Files.deleteIfExists(orphan);
						log.info("backup: removed {}, whose archive is gone", orphan.getFileName());
					}
					catch (IOException ex) {
						log.warn("backup: could not remove {}: {}", orphan.getFileName(), ex.toString());
					}
				});
		}
		catch (IOException ex) {
			log.warn("backup: could not list {}: {}", this.properties.dir(), ex.toString());
		}
	}

	/** The archives, newest first: by when they were written, then by name. */
	private List<Path> archives() {
		if (!Files.isDirectory(this.properties.dir())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.properties.dir())) {
			return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
				.sorted(Comparator.comparing(Backups::written)
					.thenComparing(f -> f.getFileName().toString())
					.reversed())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static java.nio.file.attribute.FileTime written(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return java.nio.file.attribute.FileTime.fromMillis(0);
		}
	}

	private static BackupView view(Path file) {
		try {
			return BackupView.of(file.getFileName().toString(), Files.size(file),
					Files.getLastModifiedTime(file).toInstant(), ArchiveFacts.read(file).orElse(null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
