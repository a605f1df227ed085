package dev.holdfast.evidence;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.holdfast.organization.ApprovalView;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Evidence packages over REST: build one (synchronously; 201 with its hash), list and
 * read the caller's own, download the ZIP. Another builder's package answers 404.
 */
@RestController
@RequestMapping("/api/v1/evidence-packages")
@Tag(name = "Evidence packages", description = "The evidence package of a departure, for administrators and auditors")
class EvidenceApi {

	private final EvidencePackages packages;

	EvidenceApi(EvidencePackages packages) {
		this.packages = packages;
	}

	@PostMapping
	@RequiresPermission(Permission.EVIDENCE_BUILD)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Build an evidence package for one employee and period",
			description = "One ZIP: summary.pdf (Chinese, or English with language=en), lookback-chart.png, "
					+ "activity-per-day.csv, audit-events.csv with the chain hashes, chain-verification.txt and "
					+ "MANIFEST.sha256. Its SHA-256 is recorded in the audit trail. Contact data is masked unless "
					+ "unmasked=true with the approvalId of an approved unmasked request.")
	EvidencePackageView build(@RequestBody EvidenceForm form) {
		return this.packages.build(form);
	}

	@PostMapping("/unmasked-requests")
	@RequiresPermission(Permission.EVIDENCE_BUILD)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask the administrators to approve a package with contact data in full",
			description = "For one employee and period, with a reason. Once another administrator approves "
					+ "(/api/v1/admin/approvals/{id}/approve), build it once with unmasked=true and approvalId.")
	ApprovalView askUnmasked(@RequestBody UnmaskedRequest request) {
		return this.packages.askUnmasked(new EvidenceForm(request.employeeId(), request.from(), request.to(), null),
				request.reason());
	}

	/** The package an unmasked build would be, and why it is needed. */
	record UnmaskedRequest(Long employeeId, LocalDate from, LocalDate to, String reason) {
	}

	@GetMapping
	@RequiresPermission(Permission.EVIDENCE_BUILD)
	@Operation(summary = "The packages the caller built, newest first")
	List<EvidencePackageView> mine() {
		return this.packages.mine();
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.EVIDENCE_BUILD)
	@Operation(summary = "One package the caller built")
	EvidencePackageView get(@PathVariable long id) {
		return this.packages.find(id);
	}

	@GetMapping("/{id}/file")
	@RequiresPermission(Permission.EVIDENCE_BUILD)
	@Operation(summary = "Download the ZIP of a package the caller built, until it expires (409 after)")
	ResponseEntity<byte[]> file(@PathVariable long id) {
		return attachment(this.packages.download(id));
	}

	static ResponseEntity<byte[]> attachment(EvidencePackages.PackageFile file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, "application/zip")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name()).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.content());
	}

}
