package dev.holdfast.protection.export;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.protection.ExportRequested;
import dev.holdfast.protection.ExportStatus;
import dev.holdfast.protection.ExportView;

/**
 * Requesting an export: the rows the requester may see, masked unless asked otherwise
 * (phone numbers and e-mail addresses in free text too), with the export's canaries mixed
 * in, fingerprinted and watermarked; the row count the requester sees is the file's.
 * Large, unmasked or leaver's exports wait for approval ({@link ExportDecisions}); the
 * file is released to its requester only ({@link ExportDownloads}).
 */
@Service
public class Exports {

	private final JdbcClient jdbc;

	private final ExportTables tables;

	private final ExportCanaries canaries;

	private final ExportFingerprints fingerprints;

	private final OrganizationManagement organization;

	private final AuditTrail audit;

	private final ExportProperties.Export properties;

	private final ExportProgress progress;

	private final HoldfastClock clock;

	private final ApplicationEventPublisher events;

	private final ExportWording wording;

	private final MessageSource messages;

	Exports(JdbcClient jdbc, ExportTables tables, ExportCanaries canaries, ExportFingerprints fingerprints,
			OrganizationManagement organization, AuditTrail audit, ExportProperties properties, ExportProgress progress,
			HoldfastClock clock, ApplicationEventPublisher events, ExportWording wording, MessageSource messages) {
		this.progress = progress;
		this.clock = clock;
		this.events = events;
		this.wording = wording;
		this.messages = messages;
		this.jdbc = jdbc;
		this.tables = tables;
		this.canaries = canaries;
		this.fingerprints = fingerprints;
		this.organization = organization;
		this.audit = audit;
		this.properties = properties.export();
	}

	/**
	 * Checks the request and records it as QUEUED; its file is prepared by
	 * {@link #prepare} ({@link ExportPreparation} runs it in the background).
	 */
	@Transactional
	long queue(ExportRequest request) {
		GuardedAction.REQUEST_EXPORT.require();
		long me = CurrentEmployee.id();
		// one at a time per requester (the lock), so that parallel requests cannot all
		// pass the count; keyed by the whole id (a 64-bit hash, as ClaimLimits): a cast
		// to
		// integer failed for ids past 2^31, and a shared key could only make two
		// requesters wait for each other, never let one pass the count
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('export-open:' || :me, 0))")
			.param("me", me)
			.query((rs, n) -> 1)
			.list();
		long open = this.jdbc.sql("""
				select count(*) from export_request
				where requester_id = :me and status in ('QUEUED', 'PREPARING', 'PENDING_APPROVAL')""")
			.param("me", me)
			.query(Long.class)
			.single();
		if (open >= this.properties.maxOpen()) {
			throw new ConflictException("too_many_open_exports",
					"you have " + open + " exports waiting or being prepared; wait until they are ready or decided",
					Map.of("open", open, "max", this.properties.maxOpen()));
		}
		return this.jdbc
			.sql("""
					insert into export_request (requester_id, entity, format, filter, unmasked, status, row_count, created_at)
					values (:me, :entity, :format, cast(:filter as jsonb), :unmasked, 'QUEUED', 0, :now)
					returning id""")
			.param("me", me)
			.param("entity", request.entity())
			.param("format", request.format())
			.param("filter", request.filterJson())
			.param("unmasked", request.unmasked())
			.param("now", java.sql.Timestamp.from(this.clock.now()))
			.query(Long.class)
			.single();
	}

	/**
	 * Writes the file of a QUEUED export, as its requester (whose security context the
	 * caller has set): the rows they may see, masked unless asked otherwise, with the
	 * export's canaries, fingerprinted and watermarked; READY or PENDING_APPROVAL. All of
	 * it commits together with its audit event; only the progress is written on the side.
	 */
	@Transactional
	ExportView prepare(long id, ExportRequest request) {
		// the file speaks the requester's language (the caller carries it over); the
		// machine-readable one English
		ExportPhases phases = new ExportPhases();
		Locale locale = request.machine() ? Locale.ENGLISH : LocaleContextHolder.getLocale();
		EmployeePrincipal me = CurrentEmployee.get();
		ExportLayout layout = ExportLayout.of(request.entity());
		int canaryRoom = this.canaries.count(this.properties.maxRows(), request.query());
		ExportTable table = this.tables.build(me.employeeId(), layout, request.query(), request.unmasked(),
				this.properties.maxRows() - canaryRoom, phases);
		// the requester sees every row of the file counted, canaries too
		int rows = table.rows().size() + this.canaries.count(table.rows().size(), request.query());
		this.progress.total(id, rows);
		phases.mark("total");
		List<String> reasons = request.approvalReasons(rows, this.properties.approvalThreshold(),
				leaving(me.employeeId()), table.contactsInText());
		ExportStatus status = reasons.isEmpty() ? ExportStatus.READY : ExportStatus.PENDING_APPROVAL;
		phases.mark("reasons");
		ExportTable file = this.canaries.mixIn(id, layout, table, request.query(), request.unmasked());
		phases.mark("canaries");
		this.fingerprints.store(id, file);
		phases.mark("fingerprints");
		Instant now = this.clock.now();
		file = this.wording.apply(layout, file, locale, request.machine());
		String watermark = this.messages
			.getMessage(
					"exports.watermark", new Object[] { String.valueOf(id),
							this.organization.displayName(me.employeeId()), me.username(), this.clock.stamp(now) },
					locale);
		phases.mark("wording");
		byte[] bytes = ExportFiles.write(request.format(), watermark, file,
				written -> this.progress.written(id, written));
		phases.mark("file");
		this.jdbc.sql("""
				update export_request set file = :file, file_name = :name, row_count = :rows, rows_written = :rows,
				    rows_total = :rows, status = :status, approval_reasons = :reasons, expires_at = :expires
				where id = :id""")
			.param("file", bytes)
			.param("name", "export-" + id + ("XLSX".equals(request.format()) ? ".xlsx" : ".csv"))
			.param("rows", file.rows().size())
			.param("status", status.name())
			.param("reasons", reasons.isEmpty() ? null : String.join(",", reasons))
			.param("expires",
					status == ExportStatus.READY ? java.sql.Timestamp.from(now.plus(this.properties.ttl())) : null)
			.param("id", id)
			.update();
		phases.mark("store");
		this.audit.record(AuditAction.EXPORT_REQUESTED, "export", id,
				Map.of("entity", request.entity(), "format", request.format(), "rows", file.rows().size(), "unmasked",
						request.unmasked(), "status", status.name(), "reasons", String.join(",", reasons), "variant",
						request.machine() ? "machine" : "readable"));
		this.events.publishEvent(
				new ExportRequested(id, me.employeeId(), file.rows().size(), status == ExportStatus.PENDING_APPROVAL));
		phases.mark("audit");
		phases.log(id);
		return find(id);
	}

	/**
	 * Whether the requester serves notice, read as every request reads their account (so
	 * the first export after start finds that query ready, unlike the employee's entity).
	 */
	private boolean leaving(long employeeId) {
		return this.organization.loginAccount(employeeId)
			.map(account -> account.status() == EmploymentStatus.LEAVING)
			.orElseThrow(() -> new dev.holdfast.shared.NotFoundException("employee"));
	}

	public ExportView find(long id) {
		return this.jdbc.sql("""
				select x.id, x.entity, x.format, x.unmasked, x.status, x.row_count, x.approval_reasons,
				       x.requester_id, e.display_name, x.created_at, x.expires_at, x.rows_written, x.rows_total
				from export_request x join employee_directory e on e.id = x.requester_id where x.id = :id""")
			.param("id", id)
			.query((rs, n) -> new ExportView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					ExportStatus.valueOf(rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getLong(8),
					rs.getString(9), rs.getTimestamp(10).toInstant(),
					rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getInt(12),
					(Integer) rs.getObject(13)))
			.optional()
			.orElseThrow(() -> new dev.holdfast.shared.NotFoundException("export"));
	}

}
