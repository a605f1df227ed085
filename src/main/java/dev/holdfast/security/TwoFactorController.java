package dev.holdfast.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.organization.ApprovalPendingException;
import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The two-factor page: enrolment with a QR code, the recovery codes shown once, the
 * status afterwards; and the administrator's reset from the employee page.
 */
@FreeOfCustomerData
@Controller
class TwoFactorController {

	private final TwoFactors twoFactors;

	private final SecondFactorPolicy policy;

	TwoFactorController(TwoFactors twoFactors, SecondFactorPolicy policy) {
		this.twoFactors = twoFactors;
		this.policy = policy;
	}

	@GetMapping(SecondFactorGate.ENROLMENT_PAGE)
	@AnyEmployee
	String page(Authentication authentication, Model model) {
		HoldfastUser user = (HoldfastUser) authentication.getPrincipal();
		boolean enrolled = this.twoFactors.enrolled(user.employeeId());
		model.addAttribute("navSection", "security");
		model.addAttribute("enrolled", enrolled);
		boolean required = this.policy.mustEnrol(authentication, user);
		model.addAttribute("required", required);
		// until the compulsory enrolment is done every menu entry would only lead back
		// here
		model.addAttribute("menuHidden", required && !enrolled);
		// the page the gate holds people on: a polling bell would only be sent back here
		model.addAttribute("bellPolls", false);
		if (!enrolled) {
			model.addAttribute("enrolment", this.twoFactors.start(user.employeeId(), user.username()));
		}
		return "security/two-factor";
	}

	@PostMapping(SecondFactorGate.ENROLMENT_PAGE + "/confirm")
	@AnyEmployee
	@FormPage("codePage")
	String confirm(@RequestParam(defaultValue = "") String code, Authentication authentication, Model model) {
		HoldfastUser user = (HoldfastUser) authentication.getPrincipal();
		model.addAttribute("recoveryCodes", this.twoFactors.confirm(user.employeeId(), code));
		model.addAttribute("navSection", "security");
		model.addAttribute("enrolled", true);
		return "security/two-factor";
	}

	/**
	 * The enrolment again, the code refused (for the web error advice); after a conflict
	 * (nothing to confirm: not started, or confirmed meanwhile) the page as it stands
	 * now.
	 */
	private String codePage(RuntimeException refusal, Model model) {
		model.addAttribute("codeError", refusal instanceof InvalidInputException);
		return page(SecurityContextHolder.getContext().getAuthentication(), model);
	}

	@PostMapping("/admin/employees/{id}/two-factor/reset")
	@RequiresPermission(Permission.EMPLOYEE_MANAGE)
	String reset(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.twoFactors.reset(id);
		}
		catch (ApprovalPendingException ex) {
			// kept: not an error but the act stored for a second administrator
			redirect.addFlashAttribute("flash", "approvals.requested");
			redirect.addFlashAttribute("flashCount", ex.request().id());
			return "redirect:/admin/employees/" + id;
		}
		return "redirect:/admin/employees/" + id + "?twoFactorReset";
	}

}
