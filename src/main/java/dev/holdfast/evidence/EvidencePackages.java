package dev.holdfast.evidence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.ApprovalView;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * Builds evidence packages and hands them to their builder: {@code evidence.build} for
 * both, and a package is found only by whoever built it (404 for anyone else, another
 * administrator included). Building reads the owners' APIs (each seals and reads in its
 * own transaction), writes the files, then stores the ZIP and audits it in one
 * transaction; the package's SHA-256 is a fact of that event. Every download is audited.
 */
@Service
public class EvidencePackages {

	static final Duration LONGEST_PERIOD = Duration.ofDays(3 * 366);

	/**
	 * No period starts earlier: the database holds no time before Christ, nor any record
	 * before this.
	 */
	static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

	private static final String SELECT = """
			select p.id, p.employee_id, e.display_name as employee_name, p.period_from as "from", p.period_to as "to", p.language,
			       p.file_name, p.size_bytes, p.sha256, p.events, p.chain_ok, p.created_at, p.expires_at,
			       (p.file is not null and p.expires_at > :now) as available
			from evidence_package p join employee_directory e on e.id = p.employee_id
			""";

	private final EvidenceGathering gathering;

	private final SummaryPdf pdf;

	private final OrganizationManagement organization;

	private final EvidenceProperties properties;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final HoldfastClock clock;

	private final TransactionTemplate transaction;

	private final UnmaskedPackages unmasked;

	EvidencePackages(EvidenceGathering gathering, SummaryPdf pdf, OrganizationManagement organization,
			EvidenceProperties properties, JdbcClient jdbc, AuditTrail audit, HoldfastClock clock,
			PlatformTransactionManager transactions, UnmaskedPackages unmasked) {
		this.unmasked = unmasked;
		this.gathering = gathering;
		this.pdf = pdf;
		this.organization = organization;
		this.properties = properties;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Builds the package: not one transaction, see the class. */
	public EvidencePackageView build(EvidenceForm form) {
		Permission.EVIDENCE_BUILD.require();
		String language = validate(form);
		EmployeeView employee = this.organization.employee(form.employeeId());
		if (form.unmaskedAsked()) {
			this.unmasked.requireApproved(form);
		}
		EvidenceFacts facts = this.gathering.gather(employee, form.from(), form.to(), language,
				this.properties.maxEvents());
		byte[] chart = LookbackChart.png(facts.risk(), this.clock.zone());
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("summary.pdf", this.pdf.render(facts, chart, form.unmaskedAsked()));
		files.put("lookback-chart.png", chart);
		files.put("activity-per-day.csv", EvidenceFiles.days(facts));
		files.put("audit-events.csv", EvidenceFiles.events(facts));
		files.put("post-departure-signals.csv", EvidenceFiles.signals(facts));
		files.put("chain-verification.txt", EvidenceFiles.verification(facts));
		byte[] zip = EvidenceFiles.zip(files);
		String sha256 = EvidenceFiles.sha256(zip);
		// employee, period and language (and whether in full): two packages of one period
		// do not download as one name
		String name = "evidence-" + employee.username() + "-" + form.from() + "-" + form.to() + "-" + language
				+ (form.unmaskedAsked() ? "-unmasked" : "") + ".zip";
		Instant now = this.clock.now();
		Long approval = form.unmaskedAsked() ? form.approvalId() : null;
		Long id = this.transaction.execute(status -> store(facts, name, zip, sha256, now, approval));
		return find(id);
	}

	private long store(EvidenceFacts facts, String name, byte[] zip, String sha256, Instant now, Long approval) {
		long id = this.jdbc.sql("""
				insert into evidence_package (employee_id, builder_id, period_from, period_to, language, file_name,
				                              file, size_bytes, sha256, events, chain_ok, created_at, expires_at,
				                              unmasked, approval_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(facts.subject().id(), CurrentEmployee.id(), Date.valueOf(facts.from()), Date.valueOf(facts.to()),
					facts.language(), name, zip, zip.length, sha256, facts.events().size(),
					facts.chain().ok() && facts.eventsVerify(), Timestamp.from(now),
					Timestamp.from(now.plus(this.properties.ttl())), approval != null, approval)
			.query(Long.class)
			.single();
		Map<String, Object> details = new HashMap<>();
		details.put("employeeId", facts.subject().id());
		details.put("from", facts.from().toString());
		details.put("to", facts.to().toString());
		details.put("sha256", sha256);
		details.put("events", facts.events().size());
		details.put("chainOk", facts.chain().ok() && facts.eventsVerify());
		details.put("unmasked", approval != null);
		if (approval != null) {
			details.put("approvalId", approval);
		}
		this.audit.record(AuditAction.EVIDENCE_BUILT, "evidence_package", id, details);
		return id;
	}

	/**
	 * Asks the administrators to approve a package with contact data in full for the
	 * employee and period of the form; built afterwards with the approval's id.
	 */
	public ApprovalView askUnmasked(EvidenceForm form, String reason) {
		Permission.EVIDENCE_BUILD.require();
		validate(form);
		this.organization.employee(form.employeeId());
		return this.unmasked.ask(form, reason);
	}

	/**
	 * Whom a package can be about, for the page's picker: those who left or are leaving
	 * first, newest first, then everyone else by name; names and usernames only (the
	 * published {@code employee_directory}).
	 */
	@Transactional(readOnly = true)
	public List<Subject> subjects() {
		Permission.EVIDENCE_BUILD.require();
		return this.jdbc.sql("""
				select id, display_name, username, status from employee_directory
				order by (status = 'ACTIVE'), case when status = 'ACTIVE' then display_name end, id desc
				limit 1000""").query(Subject.class).list();
	}

	/** The caller's requests for packages with contact data in full, newest first. */
	@Transactional(readOnly = true)
	List<UnmaskedPackages.UnmaskedRequestView> unmaskedRequests() {
		Permission.EVIDENCE_BUILD.require();
		return this.unmasked.mine();
	}

	/** The packages the caller built, newest first. */
	@Transactional(readOnly = true)
	public List<EvidencePackageView> mine() {
		Permission.EVIDENCE_BUILD.require();
		return this.jdbc.sql(SELECT + " where p.builder_id = :me order by p.created_at desc, p.id desc limit 100")
			.param("me", CurrentEmployee.id())
			.param("now", Timestamp.from(this.clock.now()))
			.query(EvidencePackageView.class)
			.list();
	}

	/** One package the caller built; 404 for any other. */
	@Transactional(readOnly = true)
	public EvidencePackageView find(long id) {
		Permission.EVIDENCE_BUILD.require();
		return this.jdbc.sql(SELECT + " where p.id = :id and p.builder_id = :me")
			.param("id", id)
			.param("me", CurrentEmployee.id())
			.param("now", Timestamp.from(this.clock.now()))
			.query(EvidencePackageView.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("evidence package"));
	}

	/** The ZIP of a package the caller built, until it expires; audited. */
	@Transactional
	public PackageFile download(long id) {
		EvidencePackageView found = find(id);
		if (!found.available()) {
			throw new ConflictException("evidence_expired", "this evidence package has expired; build it again");
		}
		byte[] zip = this.jdbc.sql("select file from evidence_package where id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		this.audit.record(AuditAction.EVIDENCE_DOWNLOADED, "evidence_package", id,
				Map.of("employeeId", found.employeeId(), "sha256", found.sha256()));
		return new PackageFile(found.fileName(), zip);
	}

	private String validate(EvidenceForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.employeeId() == null) {
			errors.put("employeeId", "is required");
		}
		if (form.from() == null) {
			errors.put("from", "is required");
		}
		if (form.to() == null) {
			errors.put("to", "is required");
		}
		LocalDate today = this.clock.today();
		if (form.from() != null && form.to() != null) {
			if (form.from().isAfter(form.to())) {
				errors.put("to", "must not be before the start");
			}
			else if (Duration.ofDays(form.to().toEpochDay() - form.from().toEpochDay()).compareTo(LONGEST_PERIOD) > 0) {
				errors.put("from", "the period may be at most three years");
			}
		}
		if (form.from() != null && form.from().isAfter(today)) {
			errors.put("from", "must not be in the future");
		}
		else if (form.from() != null && form.from().isBefore(EARLIEST)) {
			errors.put("from", "must not be before 1970");
		}
		String language = form.languageOrDefault();
		if (!"zh".equals(language) && !"en".equals(language)) {
			errors.put("language", "must be zh or en");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return language;
	}

	/** Someone a package can be about. */
	public record Subject(long id, String displayName, String username, String status) {
	}

	/** A package's ZIP and the name to save it under. */
	public record PackageFile(String name, byte[] content) {
	}

}
