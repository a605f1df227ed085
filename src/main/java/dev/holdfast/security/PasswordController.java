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
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.InvalidInputException;

/**
 * The employee's own password: where someone back from a departure must choose one before
 * anything else, and where anyone may change theirs. A change ends every login, this one
 * too: the next step is the login page.
 */
@Controller
class PasswordController {

	private final OwnPasswords passwords;

	PasswordController(OwnPasswords passwords) {
		this.passwords = passwords;
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
	@FormPage("passwordPage")
	String change(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
			HttpServletRequest request) {
		if (!password.equals(repeat)) {
			throw new InvalidInputException("repeat", "the two new passwords differ");
		}
		this.passwords.change(currentPassword, password);
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:/login?passwordChanged";
	}

	/** The page again with why the password was refused (for the web error advice). */
	private String passwordPage(Map<String, String> errors, Model model) {
		model.addAttribute("errors", errors);
		return page(SecurityContextHolder.getContext().getAuthentication(), model);
	}

}
