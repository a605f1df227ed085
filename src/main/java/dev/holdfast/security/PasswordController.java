package dev.holdfast.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.organization.OwnPasswords;
import dev.holdfast.shared.FormErrors;
import dev.holdfast.shared.InvalidInputException;

/**
 * The employee's own password: where someone back from a departure must choose one before
 * anything else, and where anyone may change theirs. A change ends every login, this one
 * too: the next step is the login page.
 */
@Controller
class PasswordController {

	private final OwnPasswords passwords;

	private final FormErrors formErrors;

	PasswordController(OwnPasswords passwords, FormErrors formErrors) {
		this.passwords = passwords;
		this.formErrors = formErrors;
	}

	@GetMapping(PasswordChangeGate.PASSWORD_PAGE)
	@AnyEmployee
	String page(Authentication authentication, Model model) {
		model.addAttribute("navSection", "security");
		model.addAttribute("required", PasswordChangeGate.mustChange(authentication));
		model.addAttribute("errors", model.getAttribute("errors") == null ? Map.of() : model.getAttribute("errors"));
		return "security/password";
	}

	@PostMapping(PasswordChangeGate.PASSWORD_PAGE)
	@AnyEmployee
	String change(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
			Authentication authentication, Model model, HttpServletRequest request) {
		try {
			if (!password.equals(repeat)) {
				throw new InvalidInputException("repeat", "the two new passwords differ");
			}
			this.passwords.change(currentPassword, password);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", this.formErrors.of(ex));
			return page(authentication, model);
		}
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:/login?passwordChanged";
	}

}
