package dev.holdfast.protection.export;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;
import dev.holdfast.protection.ExportView;

/**
 * {@code POST /api/v1/exports} → 202 {@code {"id","status"}}; {@code GET} one or the
 * caller's list; {@code approve} / {@code reject}; {@code GET .../file} for the requester
 * of a READY export.
 */
@RestController
class ExportApi {

	private final ExportPreparation preparation;

	private final ExportDecisions decisions;

	private final ExportDownloads downloads;

	ExportApi(ExportPreparation preparation, ExportDecisions decisions, ExportDownloads downloads) {
		this.preparation = preparation;
		this.decisions = decisions;
		this.downloads = downloads;
	}

	@PostMapping("/api/v1/exports")
	@RequiresPermission(Permission.EXPORT_REQUEST)
	ResponseEntity<Map<String, Object>> request(@RequestBody ExportForm form) {
		// the API answers once the file is prepared (or failed), as it always has
		ExportView export = this.preparation.start(form, null);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", export.id(), "status", export.status()));
	}

	@GetMapping("/api/v1/exports")
	@AnyEmployee
	List<ExportView> list() {
		return this.decisions.mine();
	}

	@GetMapping("/api/v1/exports/{id}")
	@AnyEmployee
	ExportView find(@PathVariable long id) {
		return this.decisions.visible(id);
	}

	@PostMapping("/api/v1/exports/{id}/approve")
	@RequiresPermission(Permission.EXPORT_APPROVE)
	ExportView approve(@PathVariable long id) {
		return this.decisions.approve(id);
	}

	@PostMapping("/api/v1/exports/{id}/reject")
	@RequiresPermission(Permission.EXPORT_APPROVE)
	ExportView reject(@PathVariable long id) {
		return this.decisions.reject(id);
	}

	@GetMapping("/api/v1/exports/{id}/file")
	@RequiresPermission(Permission.EXPORT_REQUEST)
	ResponseEntity<byte[]> file(@PathVariable long id) {
		return this.downloads.download(id).asResponse();
	}

}
