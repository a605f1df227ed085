package dev.holdfast.offboarding;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Offboarding over REST: resignation, case, plan, notes, handover, termination, and the
 * new owner's handover tasks.
 */
@RestController
@RequestMapping("/api/v1")
class OffboardingApi {

	private final Offboarding offboarding;

	private final Resignations resignations;

	private final Handovers handovers;

	private final Terminations terminations;

	private final HandoverTasks tasks;

	OffboardingApi(Offboarding offboarding, Resignations resignations, Handovers handovers, Terminations terminations,
			HandoverTasks tasks) {
		this.offboarding = offboarding;
		this.resignations = resignations;
		this.handovers = handovers;
		this.terminations = terminations;
		this.tasks = tasks;
	}

	@PostMapping("/employees/{id}/resignation")
	@RequiresPermission({ Permission.EMPLOYEE_MANAGE, Permission.OFFBOARDING_EXECUTE })
	@ResponseStatus(HttpStatus.CREATED)
	CaseDetails resign(@PathVariable long id, @Valid @RequestBody ResignationForm form) {
		return this.resignations.resign(id, form);
	}

	@GetMapping("/offboarding")
	@AnyEmployee
	List<CaseDetails> list() {
		return this.offboarding.list();
	}

	@GetMapping("/offboarding/{caseId}")
	@AnyEmployee
	CaseDetails get(@PathVariable long caseId) {
		return this.offboarding.get(caseId);
	}

	@GetMapping("/offboarding/{caseId}/plan")
	@AnyEmployee
	PageResult<PlanRow> plan(@PathVariable long caseId, @RequestParam(required = false) String level,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.offboarding.plan(caseId, new PlanRows.Filter(PlanFilters.level(level), ownerId, false),
				PageRequest.of(page, size == null ? PageRequest.MAX_SIZE : size));
	}

	@PatchMapping("/offboarding/{caseId}/plan")
	@AnyEmployee
	Map<String, Integer> editPlan(@PathVariable long caseId, @RequestBody List<@Valid PlanChange> changes) {
		return Map.of("updated", this.offboarding.editPlan(caseId, changes));
	}

	@GetMapping("/offboarding/{caseId}/notes/{customerId}")
	@AnyEmployee
	HandoverNoteView note(@PathVariable long caseId, @PathVariable long customerId) {
		return this.offboarding.note(caseId, customerId).orElseThrow(() -> new NotFoundException("note"));
	}

	@GetMapping("/offboarding/{caseId}/notes/{customerId}/versions")
	@AnyEmployee
	List<HandoverNoteVersion> noteVersions(@PathVariable long caseId, @PathVariable long customerId) {
		return this.offboarding.noteVersions(caseId, customerId);
	}

	@PutMapping("/offboarding/{caseId}/notes/{customerId}")
	@AnyEmployee
	HandoverNoteView writeNote(@PathVariable long caseId, @PathVariable long customerId,
			@Valid @RequestBody HandoverNoteForm form) {
		return this.offboarding.writeNote(caseId, customerId, form);
	}

	@PostMapping("/offboarding/{caseId}/handover")
	@AnyEmployee
	HandoverResult handover(@PathVariable long caseId, @RequestBody(required = false) HandoverRequest request) {
		return this.handovers.handover(caseId, request != null && request.accepts());
	}

	@PostMapping("/offboarding/{caseId}/terminate")
	@AnyEmployee
	CaseDetails terminate(@PathVariable long caseId, @Valid @RequestBody TerminationForm form) {
		return this.terminations.terminate(caseId, form);
	}

	@GetMapping("/handover-tasks")
	@AnyEmployee
	List<HandoverTaskView> tasks() {
		return this.tasks.mine(200);
	}

	@PostMapping("/handover-tasks/{id}/done")
	@AnyEmployee
	Map<String, Boolean> taskDone(@PathVariable long id) {
		this.tasks.complete(id);
		return Map.of("done", true);
	}

}
