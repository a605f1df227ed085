package dev.holdfast.protection.export;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.protection.ExportView;

/**
 * The export page: request an export, follow its status, download it once READY, and
 * approve or reject the exports of people the caller's scope covers.
 */
@Controller
class ExportController {

	private final ExportPreparation preparation;

	private final ExportDecisions decisions;

	private final ExportDownloads downloads;

	private final ExportProperties.Export properties;

	private final MessageSource messages;

	ExportController(ExportPreparation preparation, ExportDecisions decisions, ExportDownloads downloads,
			ExportProperties properties, MessageSource messages) {
		this.messages = messages;
		this.preparation = preparation;
		this.decisions = decisions;
		this.downloads = downloads;
		this.properties = properties.export();
	}

	@GetMapping("/exports")
	@AnyEmployee
	String page(Model model) {
		model.addAttribute("exports", this.decisions.mine());
		model.addAttribute("me", CurrentEmployee.id());
		return "protection/exports";
	}

	@PostMapping("/exports")
	@AnyEmployee
	@FormPage(value = "requestAgain", refusals = { InvalidInputException.class, ConflictException.class })
	String request(@RequestParam String entity, @RequestParam String format, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean unmasked, @RequestParam(required = false) String variant,
			RedirectAttributes redirect) {
		Map<String, Object> filter = new HashMap<>();
		filter.put("q", q);
		ExportView export = this.preparation.start(new ExportForm(entity, filter, format, unmasked, variant),
				this.properties.pageWait());
		redirect.addFlashAttribute("flash", switch (export.status()) {
			case READY -> "exports.flash.ready";
			case PENDING_APPROVAL -> "exports.flash.pending";
			case FAILED -> "exports.flash.failed";
			default -> "exports.flash.preparing";
		});
		return "redirect:/exports";
	}

	/**
	 * The request refused (for the web error advice): the page again with the messages at
	 * the fields and what was chosen (422), or back to the page when the caller has too
	 * many exports open.
	 */
	private String requestAgain(RuntimeException refusal, Map<String, String> errors, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (refusal instanceof ConflictException) {
			redirect.addFlashAttribute("flashError",
					this.messages.getMessage("exports.tooManyOpen", null, LocaleContextHolder.getLocale()));
			return "redirect:/exports";
		}
		Map<String, String> atFields = new HashMap<>();
		errors.forEach((field, message) -> atFields.put(field.startsWith("filter.") ? "q" : field, message));
		page(model);
		model.addAttribute("errors", atFields);
		model.addAttribute("chosen",
				Map.of("entity", Objects.toString(request.getParameter("entity"), ""), "format",
						Objects.toString(request.getParameter("format"), ""), "variant",
						Objects.toString(request.getParameter("variant"), ""), "q",
						Objects.toString(request.getParameter("q"), "")));
		return "protection/exports";
	}

	/**
	 * One export's row of the page, which polls it while the file is prepared: a
	 * fragment, never a page.
	 */
	@GetMapping("/exports/{id}/status")
	@AnyEmployee
	String status(@PathVariable long id, Model model) {
		model.addAttribute("x", this.decisions.visible(id));
		model.addAttribute("me", CurrentEmployee.id());
		return "protection/exports :: row";
	}

	@PostMapping("/exports/{id}/approve")
	@AnyEmployee
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		this.decisions.approve(id);
		redirect.addFlashAttribute("flash", "exports.flash.approved");
		return "redirect:/exports";
	}

	@PostMapping("/exports/{id}/reject")
	@AnyEmployee
	String reject(@PathVariable long id, RedirectAttributes redirect) {
		this.decisions.reject(id);
		redirect.addFlashAttribute("flash", "exports.flash.rejected");
		return "redirect:/exports";
	}

	@GetMapping("/exports/{id}/file")
	@AnyEmployee
	ResponseEntity<byte[]> file(@PathVariable long id) {
		return this.downloads.download(id).asResponse();
	}

}
