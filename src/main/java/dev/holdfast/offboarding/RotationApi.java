package dev.holdfast.offboarding;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/** Rotation of key accounts (轮岗) over REST. */
@RestController
@RequestMapping("/api/v1/rotations")
@Tag(name = "Rotations", description = "Rotation of key accounts (轮岗): planned moves of customers between reps")
class RotationApi {

	private final Rotations rotations;

	private final RotationRule rule;

	RotationApi(Rotations rotations, RotationRule rule) {
		this.rotations = rotations;
		this.rule = rule;
	}

	/** Why a plan is cancelled. */
	record CancelForm(String reason) {
	}

	@PostMapping
	@RequiresPermission(Permission.CUSTOMER_TRANSFER)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Plan a rotation: customers move from one rep to another on a date, each with a handover note",
			description = "Carried out at once when rotateOn is today, else by the rotation job on that day. "
					+ "Not counted against the transfer limit. 404 for a customer you may not see, 403 for one you "
					+ "may not change, 409 not_owner / already_planned / leaving.")
	RotationView plan(@RequestBody RotationForm form) {
		return this.rotations.plan(form);
	}

	@GetMapping
	@AnyEmployee
	@Operation(summary = "The rotation plans you manage, or of which you are a rep, newest first")
	List<RotationView> list() {
		return this.rotations.list();
	}

	@GetMapping("/{id}")
	@AnyEmployee
	@Operation(summary = "A rotation plan with the customers you may see and their handover notes")
	RotationView get(@PathVariable long id) {
		return this.rotations.get(id);
	}

	@PostMapping("/{id}/cancel")
	@RequiresPermission(Permission.CUSTOMER_TRANSFER)
	@Operation(summary = "Cancel a plan whose day has not come: its customers stay where they are")
	RotationView cancel(@PathVariable long id, @RequestBody(required = false) CancelForm form) {
		return this.rotations.cancel(id, form == null ? null : form.reason());
	}

	@GetMapping("/overdue")
	@RequiresPermission(Permission.CUSTOMER_TRANSFER)
	@Operation(
			summary = "A-level customers that have had the same rep longer than holdfast.rotation.max-months-a-level "
					+ "(empty when the rule is off)")
	RotationRule.OverdueList overdue() {
		return this.rule.overdue();
	}

	@GetMapping("/overdue/proposal")
	@RequiresPermission(Permission.CUSTOMER_TRANSFER)
	@Operation(summary = "The one-click plan for a rep's customers past the rule, to post after writing the notes")
	RotationForm proposal(@RequestParam long fromEmployeeId) {
		return this.rule.proposal(fromEmployeeId);
	}

}
