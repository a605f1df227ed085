package dev.holdfast.followup;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Follow-up templates: read by everyone who fills in a follow-up, changed by holders of
 * {@code followup.template}. There is no delete: archive.
 */
@RestController
@RequestMapping("/api/v1/follow-up-templates")
class FollowUpTemplateApi {

	private final FollowUpTemplates templates;

	FollowUpTemplateApi(FollowUpTemplates templates) {
		this.templates = templates;
	}

	@GetMapping
	@AnyEmployee
	List<FollowUpTemplateView> list(@RequestParam(defaultValue = "false") boolean archived) {
		return this.templates.list(archived);
	}

	@PostMapping
	@RequiresPermission(Permission.FOLLOWUP_TEMPLATE)
	@ResponseStatus(HttpStatus.CREATED)
	FollowUpTemplateView create(@Valid @RequestBody FollowUpTemplateForm form) {
		return this.templates.create(form);
	}

	@GetMapping("/{id}")
	@AnyEmployee
	FollowUpTemplateView get(@PathVariable long id) {
		return this.templates.get(id);
	}

	@PutMapping("/{id}")
	@RequiresPermission(Permission.FOLLOWUP_TEMPLATE)
	FollowUpTemplateView update(@PathVariable long id, @Valid @RequestBody FollowUpTemplateForm form) {
		return this.templates.update(id, form);
	}

	@PostMapping("/{id}/archive")
	@RequiresPermission(Permission.FOLLOWUP_TEMPLATE)
	FollowUpTemplateView archive(@PathVariable long id) {
		return this.templates.archive(id);
	}

	/**
	 * The template a follow-up of the kind on the customer must fill in; 204 when none
	 * applies, 404 when the caller may not see the customer.
	 */
	@GetMapping("/applicable")
	@AnyEmployee
	ResponseEntity<FollowUpTemplateView> applicable(@RequestParam long customerId, @RequestParam FollowUpKind kind) {
		return this.templates.applicableTo(customerId, kind)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

}
