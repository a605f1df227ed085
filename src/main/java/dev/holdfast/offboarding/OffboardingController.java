package dev.holdfast.offboarding;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.web.Htmx;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The pages where HR and managers run an offboarding case: the list of cases, the case
 * with its checklist and handover plan, editing the plan, the handover and its progress,
 * and termination for cause. The leaver sees their own case read-only.
 */
@Controller
@RequestMapping("/offboarding")
class OffboardingController {

	private static final String MISSING_NOTES = "handover_notes_missing";

	/** How many times the progress asks while the handover has not visibly started. */
	private static final int MAX_WAITING_POLLS = 10;

	private final Offboarding offboarding;

	private final Handovers handovers;

	private final Terminations terminations;

	private final CasePage casePage;

	OffboardingController(Offboarding offboarding, Handovers handovers, Terminations terminations, CasePage casePage) {
		this.offboarding = offboarding;
		this.handovers = handovers;
		this.terminations = terminations;
		this.casePage = casePage;
	}

	@GetMapping
	@RequiresPermission(Permission.OFFBOARDING_EXECUTE)
	String list(Model model) {
		model.addAttribute("cases", this.offboarding.list());
		return "offboarding/list";
	}

	@GetMapping("/{id}")
	@AnyEmployee
	String show(@PathVariable long id, @RequestParam(required = false) String level,
			@RequestParam(required = false) Long ownerId, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		caseModel(id, level, ownerId, page, model);
		return Htmx.wantsFragment(request, response) ? "offboarding/case :: plan" : "offboarding/case";
	}

	private void caseModel(long id, String level, Long ownerId, int page, Model model) {
		this.casePage.fill(id, level, ownerId, page, model);
	}

	/** Handed over / total while the handover runs; the page polls it every second. */
	@GetMapping("/{id}/progress")
	@AnyEmployee
	String progress(@PathVariable long id, @RequestParam(defaultValue = "0") int waiting, Model model) {
		CaseDetails details = this.offboarding.get(id);
		model.addAttribute("c", details);
		boolean running = details.status() == CaseStatus.HANDING_OVER
				|| (details.status() == CaseStatus.NOTICE && waiting > 0 && waiting < MAX_WAITING_POLLS);
		model.addAttribute("polling", running);
		model.addAttribute("waiting", details.status() == CaseStatus.NOTICE ? waiting + 1 : 0);
		return "offboarding/case :: progress";
	}

	/** Chooses the new owner of one customer (the select on a plan row). */
	@PostMapping("/{id}/plan/{customerId}")
	@AnyEmployee
	@FormPage(value = "rowAgain", refusals = InvalidInputException.class)
	String choose(@PathVariable long id, @PathVariable long customerId, @RequestParam(required = false) Long newOwnerId,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (newOwnerId == null) {
			throw new InvalidInputException("newOwnerId", "is required");
		}
		this.offboarding.editPlan(id, List.of(new PlanChange(customerId, newOwnerId)));
		if (!Htmx.wantsFragment(request, response)) {
			redirect.addFlashAttribute("flash", "offboarding.planSaved");
			return "redirect:/offboarding/" + id + "#plan";
		}
		model.addAttribute("rowError", null);
		return "offboarding/case :: rowSaved";
	}

	/**
	 * A plan row's choice refused (for the web error advice): the row's message (422), or
	 * back to the plan with it.
	 */
	private String rowAgain(long id, Map<String, String> errors, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		String error = String.join(" ", errors.values());
		if (!Htmx.wantsFragment(request, response)) {
			redirect.addFlashAttribute("flashError", error);
			return "redirect:/offboarding/" + id + "#plan";
		}
		model.addAttribute("rowError", error);
		return "offboarding/case :: rowSaved";
	}

	/** Gives every open row of a level (and current owner) to one employee. */
	@PostMapping("/{id}/plan")
	@AnyEmployee
	@FormPage(value = "planAgain", refusals = InvalidInputException.class)
	String bulk(@PathVariable long id, @RequestParam(required = false) String level,
			@RequestParam(required = false) Long currentOwnerId, @RequestParam(required = false) Long newOwnerId,
			RedirectAttributes redirect) {
		if (newOwnerId == null) {
			throw new InvalidInputException("newOwnerId", "is required");
		}
		int changed = this.offboarding.editPlanWhere(id,
				new PlanRows.Filter(PlanFilters.level(level), currentOwnerId, true), newOwnerId);
		redirect.addFlashAttribute("flash", "offboarding.bulkSaved");
		redirect.addFlashAttribute("flashCount", changed);
		return "redirect:/offboarding/" + id + "#plan";
	}

	/**
	 * The case with the bulk form open, its message at the field and what was chosen (for
	 * the web error advice, 422).
	 */
	private String planAgain(long id, Map<String, String> errors, Model model, HttpServletRequest request) {
		caseModel(id, null, null, 0, model);
		model.addAttribute("errors", errors);
		Map<String, String> bulk = new java.util.HashMap<>();
		for (String field : List.of("level", "currentOwnerId", "newOwnerId")) {
			bulk.put(field, Optional.ofNullable(request.getParameter(field)).orElse(""));
		}
		model.addAttribute("bulk", bulk);
		return "offboarding/case";
	}

	/**
	 * Runs the handover. While key customers lack a note it answers with a confirmation
	 * that names them (409), whose button sends {@code acceptMissingNotes}; the server
	 * decides, so no script can skip it. After a run from the page (htmx), the plan table
	 * and the checklist are swapped in with their new state.
	 */
	@PostMapping("/{id}/handover")
	@AnyEmployee
	@FormPage(value = "handoverAgain", refusals = ConflictException.class)
	String handover(@PathVariable long id, @RequestParam(defaultValue = "false") boolean acceptMissingNotes,
			@RequestParam(required = false) String level, @RequestParam(required = false) Long ownerId,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		boolean fragment = Htmx.wantsFragment(request, response);
		HandoverResult result = this.handovers.handover(id, acceptMissingNotes);
		if (!fragment) {
			redirect.addFlashAttribute("flash", "offboarding.handedOver");
			return "redirect:/offboarding/" + id + "#plan";
		}
		model.addAttribute("result", result);
		caseModel(id, level, ownerId, page, model);
		model.addAttribute("oob", true);
		model.addAttribute("caseId", id);
		return "offboarding/case :: handoverResult";
	}

	/**
	 * The handover refused (for the web error advice, 409): the confirmation naming the
	 * key customers without a note, else the reason in place of the result, or back to
	 * the case with it.
	 */
	private String handoverAgain(long id, ConflictException conflict, Map<String, String> errors, String level,
			Long ownerId, int page, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		boolean fragment = Htmx.wantsFragment(request, response);
		if (MISSING_NOTES.equals(conflict.error())) {
			model.addAttribute("missingNotes", conflict.details().get("customers"));
			model.addAttribute("c", this.offboarding.get(id));
			model.addAttribute("level", level);
			model.addAttribute("ownerId", ownerId);
			model.addAttribute("page", page);
			return fragment ? "offboarding/handover-confirm :: confirm" : "offboarding/handover-confirm";
		}
		if (!fragment) {
			redirect.addFlashAttribute("flashError", errors.get("form"));
			return "redirect:/offboarding/" + id;
		}
		model.addAttribute("handoverError", errors.get("form"));
		model.addAttribute("caseId", id);
		return "offboarding/case :: handoverResult";
	}

	@PostMapping("/{id}/terminate")
	@AnyEmployee
	@FormPage(value = "terminateAgain", refusals = { InvalidInputException.class, ConflictException.class })
	String terminate(@PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		this.terminations.terminate(id, new TerminationForm(reason));
		redirect.addFlashAttribute("flash", "offboarding.terminated");
		return "redirect:/offboarding/" + id;
	}

	/**
	 * The case with the refused reason at its field (422), or back to the case with a
	 * conflict (for the web error advice).
	 */
	private String terminateAgain(long id, RuntimeException refusal, Map<String, String> errors, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (refusal instanceof InvalidInputException) {
			caseModel(id, null, null, 0, model);
			model.addAttribute("errors", errors);
			model.addAttribute("terminateReason", request.getParameter("reason"));
			return "offboarding/case";
		}
		redirect.addFlashAttribute("flashError", errors.get("form"));
		return "redirect:/offboarding/" + id;
	}

}
