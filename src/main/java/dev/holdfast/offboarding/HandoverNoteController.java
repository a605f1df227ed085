package dev.holdfast.offboarding;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.web.Htmx;

/**
 * The leaver's handover note for one customer (the four-part template): written by the
 * leaver alone, read with its earlier texts by who runs the case and sees the customer,
 * and only as a fact (written or not, when) by HR. Also the notes of a customer on its
 * page, with the notes of the rotations that moved it.
 */
@Controller
class HandoverNoteController {

	private final Offboarding offboarding;

	private final FormErrors formErrors;

	private final Rotations rotations;

	HandoverNoteController(Offboarding offboarding, FormErrors formErrors, Rotations rotations) {
		this.offboarding = offboarding;
		this.formErrors = formErrors;
		this.rotations = rotations;
	}

	@GetMapping("/offboarding/{id}/notes/{customerId}")
	@AnyEmployee
	String form(@PathVariable long id, @PathVariable long customerId, Model model) {
		HandoverNoteForm form = null;
		if (this.offboarding.noteTextReadable(id, customerId)) {
			form = this.offboarding.note(id, customerId)
				.map(n -> new HandoverNoteForm(n.keyContacts(), n.promises(), n.openIssues(), n.nextStep()))
				.orElse(null);
		}
		return page(id, customerId, form, Map.of(), model);
	}

	@PostMapping("/offboarding/{id}/notes/{customerId}")
	@AnyEmployee
	@FormPage("page")
	String write(@PathVariable long id, @PathVariable long customerId, @Valid HandoverNoteForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		// before reading the form: only the leaver writes, whatever was posted
		this.offboarding.requireNoteWriter(id);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(id, customerId, form, this.formErrors.of(result), model);
		}
		this.offboarding.writeNote(id, customerId, form);
		redirect.addFlashAttribute("flash", "offboarding.noteSaved");
		return "redirect:" + next(id, customerId);
	}

	/** The handover notes of a customer, loaded into the customer page. */
	@GetMapping("/customers/{customerId}/handover-notes")
	@AnyEmployee
	String ofCustomer(@PathVariable long customerId, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("notes", this.offboarding.notesOfCustomer(customerId));
		model.addAttribute("rotationNotes", this.rotations.notesOfCustomer(customerId));
		model.addAttribute("customerId", customerId);
		return Htmx.wantsFragment(request, response) ? "offboarding/customer-notes :: notes"
				: "offboarding/customer-notes";
	}

	private String page(long id, long customerId, HandoverNoteForm form, Map<String, String> errors, Model model) {
		CaseDetails details = this.offboarding.get(id);
		model.addAttribute("c", details);
		model.addAttribute("customerId", customerId);
		model.addAttribute("customerName", this.offboarding.customerInPlan(id, customerId));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("editable", this.offboarding.notesWritable(id));
		boolean readable = this.offboarding.noteTextReadable(id, customerId);
		model.addAttribute("readable", readable);
		model.addAttribute("versions", readable ? this.offboarding.noteVersions(id, customerId) : List.of());
		model.addAttribute("facts", this.offboarding.noteFacts(id, customerId));
		return "offboarding/note";
	}

	/** After a note: the next key customer without one, else the case. */
	private String next(long caseId, long customerId) {
		return this.offboarding.get(caseId)
			.keyCustomersWithoutNote()
			.stream()
			.map(row -> ((Number) row.get("customerId")).longValue())
			.filter(id -> !Objects.equals(id, customerId))
			.findFirst()
			.map(id -> "/offboarding/" + caseId + "/notes/" + id)
			.orElse("/offboarding/" + caseId + "#plan");
	}

}
