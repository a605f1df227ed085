package dev.holdfast.imports.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.imports.ImportChoices;
import dev.holdfast.imports.ImportAllowances;
import dev.holdfast.imports.ImportField;
import dev.holdfast.imports.ImportStatus;
import dev.holdfast.imports.ImportTemplates;
import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.Imports;
import dev.holdfast.imports.RowVerdict;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.web.Htmx;

/**
 * The page {@code /imports}: upload a file, see its preview (counts, rows by verdict, the
 * mapping to correct, which previews the stored rows again), choose and commit, follow
 * the progress, download the error report and the templates.
 */
@Controller
@RequestMapping("/imports")
@RequiresPermission(Permission.CUSTOMER_IMPORT)
class ImportController {

	private final Imports imports;

	private final ImportPage page;

	private final ImportTemplates templates;

	private final ImportAllowances allowances;

	ImportController(Imports imports, ImportAllowances allowances, ImportPage page, ImportTemplates templates) {
		this.allowances = allowances;
		this.imports = imports;
		this.page = page;
		this.templates = templates;
	}

	@GetMapping
	String uploadForm(Model model) {
		return this.page.upload(Map.of(), model);
	}

	@PostMapping
	@FormPage("uploadAgain")
	@UploadRefusalAudit.Upload
	String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		ImportView view = Uploads.previewed(this.imports, file, () -> null);
		redirect.addFlashAttribute("flash", "imports.page.previewed");
		return "redirect:/imports/" + view.id();
	}

	/** The upload form with the refusal at its field (for the web error advice). */
	private String uploadAgain(Map<String, String> errors, Model model) {
		return this.page.upload(errors, model);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) RowVerdict.Verdict verdict,
			@RequestParam(required = false) Integer page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String view = this.page.render(id, verdict, page, null, Map.of(), model);
		return Htmx.wantsFragment(request, response) ? view + " :: rows" : view;
	}

	/**
	 * The corrected mapping: the stored rows are previewed again through it, without the
	 * file.
	 */
	@PostMapping("/{id}/mapping")
	@FormPage("remapAgain")
	String remap(@PathVariable long id, @RequestParam Map<String, String> parameters, RedirectAttributes redirect) {
		Map<Integer, ImportField> mapping = MappingInput.ofForm(parameters);
		MappingInput.reported(() -> this.imports.remap(id, mapping));
		redirect.addFlashAttribute("flash", "imports.page.remapped");
		return "redirect:/imports/" + id;
	}

	/** The import's page with the refused mapping as it was chosen, at its columns. */
	private String remapAgain(long id, Map<String, String> errors, Model model, HttpServletRequest request) {
		model.addAttribute("chosenMapping", MappingInput.submitted(request.getParameterMap()));
		return this.page.render(id, null, null, null, errors, model);
	}

	/**
	 * Asks an administrator for a larger allowance of duplicate checks for this import
	 * (its rows left unchecked).
	 */
	@PostMapping("/{id}/allowance-requests")
	@FormPage(value = "askAgain", conflictField = "reason")
	String askForAllowance(@PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		this.allowances.request(id, reason);
		redirect.addFlashAttribute("flash", "imports.allowance.asked");
		return "redirect:/imports/" + id;
	}

	/** The import's page with the refused request at its reason. */
	private String askAgain(long id, Map<String, String> errors, Model model) {
		return this.page.render(id, null, null, null, errors, model);
	}

	/**
	 * Checks the stored rows again through the import's mapping: after an approved
	 * allowance, the rows left unchecked are looked up.
	 */
	@PostMapping("/{id}/recheck")
	@FormPage("importAgain")
	String recheck(@PathVariable long id, RedirectAttributes redirect) {
		this.imports.recheck(id);
		redirect.addFlashAttribute("flash", "imports.allowance.rechecked");
		return "redirect:/imports/" + id;
	}

	@PostMapping("/{id}/commit")
	@FormPage("importAgain")
	String commit(@PathVariable long id, @Valid ImportChoices choices, RedirectAttributes redirect) {
		this.imports.commit(id, choices);
		redirect.addFlashAttribute("flash", "imports.page.committing");
		return "redirect:/imports/" + id;
	}

	/** The import's page with the refusal at its fields (for the web error advice). */
	private String importAgain(long id, ImportChoices choices, Map<String, String> errors, Model model) {
		return this.page.render(id, null, null, choices, errors, model);
	}

	/**
	 * The status and counts alone, polled every second while the commit runs. When the
	 * poll finds it ended, the whole page is loaded again: its rows then link to the
	 * customers created.
	 */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response) {
		ImportView view = this.page.progress(id, model);
		if (view.status() != ImportStatus.COMMITTING && Htmx.wantsFragment(request, response)) {
			response.setHeader("HX-Refresh", "true");
		}
		return ImportPage.IMPORT + " :: progress";
	}

	@GetMapping("/{id}/errors")
	void errors(@PathVariable long id, HttpServletResponse response) throws IOException {
		String name = Spreadsheets.errorReportName(this.imports.get(id).fileName());
		Spreadsheets.send(name, out -> this.imports.errorReport(id, out), response);
	}

	@GetMapping("/templates/{language}")
	void template(@PathVariable String language, HttpServletResponse response) throws IOException {
		ImportTemplateApi.send(this.templates, language, response);
	}

}
