package dev.holdfast.imports.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import tools.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.holdfast.imports.ImportAllowances;
import dev.holdfast.imports.ImportChoices;
import dev.holdfast.imports.ImportRowView;
import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.Imports;
import dev.holdfast.imports.RowVerdict;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Moving customers in through the API: upload a file for a preview, read its rows by
 * verdict, commit it with the importer's choices, follow the progress, download the error
 * report. Only the importer sees an import; everyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/imports")
@RequiresPermission(Permission.CUSTOMER_IMPORT)
class ImportApi {

	/** The preview's answer: the import and the first page of its rows. */
	record Preview(ImportView preview, PageResult<ImportRowView> rows) {
	}

	private final Imports imports;

	private final ImportAllowances allowances;

	private final ObjectMapper json;

	ImportApi(Imports imports, ImportAllowances allowances, ObjectMapper json) {
		this.imports = imports;
		this.allowances = allowances;
		this.json = json;
	}

	/** Why the importer asks for a larger allowance of duplicate checks. */
	record AllowanceRequest(@Schema(description = "why this import needs more checks than the day allows",
			example = "华东区老客户名单，团队 5,000 家客户迁入", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
	}

	/** The upload as the API description shows it. */
	record ImportUpload(
			@Schema(format = "binary", description = "XLSX, CSV (UTF-8 or GBK) or vCard, at most 50 MB",
					requiredMode = Schema.RequiredMode.REQUIRED) String file,
			@Schema(description = "column numbers (0 for the first) and fields, e.g. {\"0\":\"CUSTOMER_NAME\"}; "
					+ "without it the remembered or automatic mapping") String mapping) {
	}

	/**
	 * Multipart: {@code file} (XLSX, CSV or vCard), optionally {@code mapping}, JSON of
	 * column numbers (0 for the first) and field names, {@code {"0":"CUSTOMER_NAME"}}. No
	 * {@code consumes}: a request of another type is refused by the route's permission or
	 * answered at {@code file}, never 415.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@UploadRefusalAudit.Upload
	@Operation(summary = "Preview a file: nothing is written to customers",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(implementation = ImportUpload.class))))
	Preview preview(@Parameter(hidden = true) @RequestParam(required = false) MultipartFile file,
			@Parameter(hidden = true) @RequestParam(required = false) String mapping) {
		ImportView view = Uploads.previewed(this.imports, file, () -> MappingInput.ofJson(mapping, this.json));
		return new Preview(view, this.imports.rows(view.id(), null, PageRequest.of(0, 20)));
	}

	/**
	 * Corrects the mapping of a previewed import: its stored rows are previewed again
	 * through it, without uploading the file again, and the mapping is remembered for
	 * files of the same layout. The body is the JSON of column numbers and fields, as the
	 * upload's {@code mapping}; a column left out is not imported.
	 */
	@PutMapping("/{id}/mapping")
	@Operation(summary = "Correct the column mapping of a previewed import and preview its rows again",
			description = "The rows stored at the upload are classified again: nothing is uploaded or written to "
					+ "customers. 400 at mapping[column] for an unknown field or a field given to two columns, at "
					+ "mapping when no column is the customer's name; 409 once committing or committed.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
							description = "column numbers (0 for the first) and fields; \"\" leaves a column out",
							example = "{\"0\":\"CUSTOMER_NAME\",\"1\":\"CONTACT_NAME\",\"2\":\"PHONE\"}"))))
	Preview remap(@PathVariable long id, @Parameter(hidden = true) @RequestBody(required = false) String mapping) {
		var fields = MappingInput.ofJson(mapping, this.json);
		ImportView view = MappingInput.reported(() -> this.imports.remap(id, fields));
		return new Preview(view, this.imports.rows(id, null, PageRequest.of(0, 20)));
	}

	@PostMapping("/{id}/allowance-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask an administrator for a larger allowance of duplicate checks for this import",
			description = "For an import whose preview left rows UNCHECKED (the day's budget of duplicate checks used "
					+ "up). Asks for one company name and every phone of each stored row; an administrator other "
					+ "than the caller approves or rejects it (/api/v1/admin/approvals). 400 at reason; 409 "
					+ "nothing_unchecked, allowance_pending, or once committing or committed; 403 while serving "
					+ "notice; 404 for another's import.")
	ImportAllowances.ImportAllowance requestAllowance(@PathVariable long id,
			@RequestBody(required = false) AllowanceRequest body) {
		return this.allowances.request(id, body == null ? null : body.reason());
	}

	@GetMapping("/{id}/allowance-requests")
	@Operation(summary = "The import's latest request for a larger allowance (empty when none)")
	List<ImportAllowances.ImportAllowance> allowance(@PathVariable long id) {
		return this.allowances.of(id).stream().toList();
	}

	@PostMapping("/{id}/recheck")
	@Operation(summary = "Preview the stored rows again through the import's own mapping",
			description = "After an approved allowance, the rows left UNCHECKED are looked up (counted against the "
					+ "allowance); without one, against the day's budget. 409 once committing or committed.")
	Preview recheck(@PathVariable long id) {
		ImportView view = this.imports.recheck(id);
		return new Preview(view, this.imports.rows(id, null, PageRequest.of(0, 20)));
	}

	@GetMapping
	List<ImportView> mine() {
		return this.imports.mine();
	}

	@GetMapping("/{id}")
	ImportView get(@PathVariable long id) {
		return this.imports.get(id);
	}

	@GetMapping("/{id}/rows")
	PageResult<ImportRowView> rows(@PathVariable long id, @RequestParam(required = false) RowVerdict.Verdict verdict,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.imports.rows(id, verdict, PageRequest.of(page, size));
	}

	@PostMapping("/{id}/commit")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ImportView commit(@PathVariable long id, @Valid @RequestBody ImportChoices choices) {
		return this.imports.commit(id, choices);
	}

	/** The XLSX of every refused row with its reasons. */
	@GetMapping("/{id}/errors")
	void errors(@PathVariable long id, HttpServletResponse response) throws IOException {
		String name = Spreadsheets.errorReportName(this.imports.get(id).fileName());
		Spreadsheets.send(name, out -> this.imports.errorReport(id, out), response);
	}

}
