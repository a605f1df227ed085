package dev.holdfast.offboarding;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The company's departure checklist over REST: its items (administrators), and on a case
 * the ticks and the closing.
 */
@RestController
@RequestMapping("/api/v1/offboarding")
class CompanyChecklistApi {

	private final CompanyChecklistItems items;

	private final CompanyChecklist checklist;

	private final Offboarding offboarding;

	CompanyChecklistApi(CompanyChecklistItems items, CompanyChecklist checklist, Offboarding offboarding) {
		this.items = items;
		this.checklist = checklist;
		this.offboarding = offboarding;
	}

	@GetMapping("/checklist-items")
	@RequiresPermission(Permission.OFFBOARDING_CHECKLIST)
	List<CompanyCheckItem> items() {
		return this.items.items();
	}

	@PostMapping("/checklist-items")
	@RequiresPermission(Permission.OFFBOARDING_CHECKLIST)
	@ResponseStatus(HttpStatus.CREATED)
	CompanyCheckItem create(@RequestBody CompanyCheckItemForm form) {
		return this.items.create(form);
	}

	@PostMapping("/checklist-items/{id}/retire")
	@RequiresPermission(Permission.OFFBOARDING_CHECKLIST)
	CompanyCheckItem retire(@PathVariable long id) {
		return this.items.retire(id);
	}

	@GetMapping("/{caseId}/checklist")
	@AnyEmployee
	List<CompanyCheck> checklist(@PathVariable long caseId) {
		return this.checklist.checklist(caseId);
	}

	@PostMapping("/{caseId}/checklist/{itemId}")
	@AnyEmployee
	CompanyCheck tick(@PathVariable long caseId, @PathVariable long itemId,
			@RequestBody(required = false) TickForm form) {
		return this.checklist.tick(caseId, itemId, form);
	}

	@DeleteMapping("/{caseId}/checklist/{itemId}")
	@AnyEmployee
	CompanyCheck untick(@PathVariable long caseId, @PathVariable long itemId) {
		return this.checklist.untick(caseId, itemId);
	}

	@PostMapping("/{caseId}/close")
	@AnyEmployee
	CaseDetails close(@PathVariable long caseId) {
		this.checklist.close(caseId);
		return this.offboarding.get(caseId);
	}

}
