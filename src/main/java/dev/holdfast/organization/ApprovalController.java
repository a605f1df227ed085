package dev.holdfast.organization;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The administrators' page of requests waiting for a second administrator: each with what
 * it changes, approve or reject (not one's own).
 */
@Controller
@RequestMapping("/admin/approvals")
class ApprovalController {

	private final Approvals approvals;

	private final FormErrors formErrors;

	ApprovalController(Approvals approvals, FormErrors formErrors) {
		this.approvals = approvals;
		this.formErrors = formErrors;
	}

	@GetMapping
	@RequiresPermission(Permission.ROLE_MANAGE)
	String list(Model model) {
		model.addAttribute("requests", this.approvals.list(false));
		model.addAttribute("navSection", "approvals");
		return "admin/approvals";
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.ROLE_MANAGE)
	String request(@PathVariable long id, Model model) {
		model.addAttribute("request", this.approvals.request(id));
		model.addAttribute("navSection", "approvals");
		return "admin/approval";
	}

	@PostMapping("/{id}/approve")
	@RequiresPermission(Permission.ROLE_MANAGE)
	@FormPage("approvalPage")
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		this.approvals.approve(id);
		redirect.addFlashAttribute("flash", "approvals.approved");
		return "redirect:/admin/approvals/" + id;
	}

	/** The request again with why it could not be approved (for the web error advice). */
	private String approvalPage(long id, Map<String, String> errors, Model model) {
		model.addAttribute("errors", Map.of("form", String.join("; ", errors.values())));
		return request(id, model);
	}

	@PostMapping("/{id}/reject")
	@RequiresPermission(Permission.ROLE_MANAGE)
	String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		String kept = note == null ? null : note.substring(0, Math.min(note.length(), 500));
		this.approvals.reject(id, kept);
		redirect.addFlashAttribute("flash", "approvals.rejected");
		return "redirect:/admin/approvals/" + id;
	}

}
