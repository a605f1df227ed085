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
 * Rotation of key accounts (轮岗) in pages: the plans and the customers past the rule, a
 * plan's form (one click from a rep's overdue customers fills it), and a plan with its
 * notes.
 */
@Controller
class RotationController {

	private final Rotations rotations;

	private final RotationRule rule;

	RotationController(Rotations rotations, RotationRule rule) {
		this.rotations = rotations;
		this.rule = rule;
	}

	@GetMapping("/rotations")
	@AnyEmployee
	String list(Model model) {
		model.addAttribute("plans", this.rotations.list());
		boolean manager = Permission.CUSTOMER_TRANSFER.isHeld();
		model.addAttribute("manager", manager);
		model.addAttribute("overdue", manager ? this.rule.overdue() : null);
		return "offboarding/rotations";
	}

	@GetMapping("/rotations/new")
	@RequiresPermission(Permission.CUSTOMER_TRANSFER)
	String form(@RequestParam(required = false) Long from, @RequestParam(required = false) boolean overdue,
			Model model) {
		RotationPageForm form = null;
		if (from != null && overdue) {
			form = RotationPageForm.of(this.rule.proposal(from));
		}
		else if (from != null) {
			form = new RotationPageForm(from, null, null, null, List.of(), List.of(), List.of());
		}
		return formPage(form, Map.of(), model);
	}

	@PostMapping("/rotations")
	@RequiresPermission(Permission.CUSTOMER_TRANSFER)
	@FormPage(value = "formPage", refusals = { InvalidInputException.class, ConflictException.class })
	String plan(RotationPageForm form, RedirectAttributes redirect) {
		RotationView plan = this.rotations.plan(form.toForm());
		redirect.addFlashAttribute("flash",
				plan.status() == RotationStatus.DONE ? "rotation.doneNow" : "rotation.planned");
		return "redirect:/rotations/" + plan.id();
	}

	private String formPage(RotationPageForm form, Map<String, String> errors, Model model) {
		Rotations.Reps reps = this.rotations.reps();
		model.addAttribute("givers", reps.givers());
		model.addAttribute("takers", reps.takers());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("customers", form == null || form.fromEmployeeId() == null ? List.of()
				: this.rotations.customersOf(form.fromEmployeeId()));
		return "offboarding/rotation-form";
	}

	@GetMapping("/rotations/{id}")
	@AnyEmployee
	String plan(@PathVariable long id, Model model) {
		model.addAttribute("plan", this.rotations.get(id));
		model.addAttribute("manager", Permission.CUSTOMER_TRANSFER.isHeld());
		return "offboarding/rotation";
	}

	@PostMapping("/rotations/{id}/cancel")
	@RequiresPermission(Permission.CUSTOMER_TRANSFER)
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		this.rotations.cancel(id, reason);
		redirect.addFlashAttribute("flash", "rotation.cancelled");
		return "redirect:/rotations/" + id;
	}

}
