package dev.holdfast.offboarding;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;
import dev.holdfast.shared.web.FormPage;

/**
 * The company's departure checklist in pages: the administrators' list of items, and on a
 * case page the ticks and the closing. A refused form shows the page again with its
 * message (422 for input, 409 for a conflict).
 */
@Controller
class CompanyChecklistController {

	private static final String CASE_CHECKLIST = "#company-checklist";

	private final CompanyChecklistItems items;

	private final CompanyChecklist checklist;

	private final CasePage casePage;

	CompanyChecklistController(CompanyChecklistItems items, CompanyChecklist checklist, CasePage casePage) {
		this.items = items;
		this.checklist = checklist;
		this.casePage = casePage;
	}

	@GetMapping("/admin/offboarding-checklist")
	@RequiresPermission(Permission.OFFBOARDING_CHECKLIST)
	String items(Model model) {
		return itemsPage(null, Map.of(), model);
	}

	@PostMapping("/admin/offboarding-checklist")
	@RequiresPermission(Permission.OFFBOARDING_CHECKLIST)
	@FormPage(value = "itemsPage", refusals = InvalidInputException.class)
	String create(CompanyCheckItemForm form, RedirectAttributes redirect) {
		this.items.create(fromPage(form));
		redirect.addFlashAttribute("flash", "checklist.created");
		return "redirect:/admin/offboarding-checklist";
	}

	@PostMapping("/admin/offboarding-checklist/{id}/retire")
	@RequiresPermission(Permission.OFFBOARDING_CHECKLIST)
	String retire(@PathVariable long id, RedirectAttributes redirect) {
		this.items.retire(id);
		redirect.addFlashAttribute("flash", "checklist.retired");
		return "redirect:/admin/offboarding-checklist";
	}

	/**
	 * The page counts places from 1 (role walk: a list starting at 0 reads as a mistake);
	 * the API and the table from 0.
	 */
	private static CompanyCheckItemForm fromPage(CompanyCheckItemForm form) {
		if (form.position() == null) {
			return form;
		}
		if (form.position() < 1 || form.position() > CompanyChecklistItems.LAST_POSITION + 1) {
			throw new InvalidInputException("position", "must be between 1 and 10000");
		}
		return new CompanyCheckItemForm(form.title(), form.responsibleRole(), form.required(), form.position() - 1);
	}

	private String itemsPage(CompanyCheckItemForm form, Map<String, String> errors, Model model) {
		model.addAttribute("items", this.items.items());
		model.addAttribute("roles", this.items.responsibleRoles());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "offboarding/checklist-items";
	}

	@PostMapping("/offboarding/{id}/checklist/{itemId}")
	@AnyEmployee
	@FormPage("caseAgain")
	String tick(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		this.checklist.tick(id, itemId, new TickForm(note));
		redirect.addFlashAttribute("flash", "checklist.ticked");
		return "redirect:/offboarding/" + id + CASE_CHECKLIST;
	}

	@PostMapping("/offboarding/{id}/checklist/{itemId}/untick")
	@AnyEmployee
	@FormPage("caseAgain")
	String untick(@PathVariable long id, @PathVariable long itemId, RedirectAttributes redirect) {
		this.checklist.untick(id, itemId);
		redirect.addFlashAttribute("flash", "checklist.unticked");
		return "redirect:/offboarding/" + id + CASE_CHECKLIST;
	}

	@PostMapping("/offboarding/{id}/close")
	@AnyEmployee
	@FormPage("caseAgain")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		this.checklist.close(id);
		redirect.addFlashAttribute("flash", "checklist.closed");
		return "redirect:/offboarding/" + id + CASE_CHECKLIST;
	}

	/**
	 * The case page again with the refusal at the company's checklist: a note's message
	 * at its item, a conflict (closed, not departed, required items not ticked, marked)
	 * on the card.
	 */
	private String caseAgain(long id, Long itemId, String note, RuntimeException refusal, Map<String, String> errors,
			Model model) {
		this.casePage.fill(id, null, null, 0, model);
		model.addAttribute("errors", errors);
		model.addAttribute("tickItem", itemId);
		model.addAttribute("tickNote", note);
		model.addAttribute("missingItems", missing(refusal));
		return "offboarding/case";
	}

	private static List<Object> missing(RuntimeException refusal) {
		if (refusal instanceof ConflictException conflict && conflict.details().get("items") instanceof List<?> found) {
			return found.stream().map(item -> ((Map<?, ?>) item).get("itemId")).map(Object.class::cast).toList();
		}
		return List.of();
	}

}
