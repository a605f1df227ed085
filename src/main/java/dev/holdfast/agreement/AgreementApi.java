package dev.holdfast.agreement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Agreements over the API: HR's templates, versions, acceptance lists and reminders; the
 * caller's own agreements; an employee's post-departure terms.
 */
@FreeOfCustomerData
@RestController
@RequestMapping("/api/v1")
class AgreementApi {

	private final AgreementCatalog catalog;

	private final AcceptanceReport report;

	private final Acceptances acceptances;

	private final AgreementTerms terms;

	private final AgreementReads reads;

	private final HoldfastClock clock;

	AgreementApi(AgreementCatalog catalog, AcceptanceReport report, Acceptances acceptances, AgreementTerms terms,
			AgreementReads reads, HoldfastClock clock) {
		this.clock = clock;
		this.catalog = catalog;
		this.report = report;
		this.acceptances = acceptances;
		this.terms = terms;
		this.reads = reads;
	}

	@GetMapping("/agreements")
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	List<AgreementView> list() {
		return this.catalog.list();
	}

	@PostMapping("/agreements")
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	@ResponseStatus(HttpStatus.CREATED)
	AgreementView create(@Valid @RequestBody AgreementForm form) {
		return this.catalog.create(form);
	}

	@PostMapping("/agreements/{id}/versions")
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	@ResponseStatus(HttpStatus.CREATED)
	VersionView publish(@PathVariable long id, @Valid @RequestBody VersionForm form) {
		return this.catalog.publish(id, form);
	}

	@PutMapping("/agreements/{id}/roles")
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	AgreementView changeRoles(@PathVariable long id, @Valid @RequestBody RolesForm form) {
		return this.catalog.changeRoles(id, form);
	}

	@GetMapping("/agreements/{id}/acceptances")
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	List<AcceptanceRow> acceptances(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long versionId, @RequestParam(required = false) Long departmentId) {
		return this.report.rows(id, versionId, status, departmentId);
	}

	@GetMapping("/agreements/reminders")
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	List<ReminderView> reminders() {
		return this.reads.reminders(this.clock.today());
	}

	@GetMapping("/me/agreements")
	@AnyEmployee
	List<MyAgreement> mine() {
		return this.acceptances.mine(this.clock.now());
	}

	@PostMapping("/me/agreements/{versionId}/accept")
	@AnyEmployee
	MyAgreement accept(@PathVariable long versionId) {
		return this.acceptances.accept(versionId);
	}

	@GetMapping("/me/agreements/{versionId}/text")
	@AnyEmployee
	ResponseEntity<byte[]> text(@PathVariable long versionId) {
		MyAgreement accepted = this.acceptances.acceptedByCaller(versionId);
		return download(accepted, CurrentEmployee.get().username());
	}

	/**
	 * HR sees anyone's terms, counted from the day given, else from the last working day
	 * of their latest offboarding case, else from today. Managers use the case's own
	 * endpoint, which checks access to the case.
	 */
	@GetMapping("/employees/{id}/agreement-terms")
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	List<AgreementTerm> terms(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastWorkingDay) {
		LocalDate day = lastWorkingDay != null ? lastWorkingDay
				: this.reads.lastWorkingDay(id).orElseGet(this.clock::today);
		return this.terms.inForce(id, day);
	}

	static ResponseEntity<byte[]> download(MyAgreement accepted, String username) {
		String name = "agreement-" + accepted.agreementId() + "-v" + accepted.number() + ".md";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(AcceptedText.of(accepted, username).getBytes(StandardCharsets.UTF_8));
	}

}
