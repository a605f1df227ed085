package dev.holdfast.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/** The page of locked logins, where an administrator unlocks one. */
@FreeOfCustomerData
@Controller
class LoginLockoutController {

	static final String PAGE = "/admin/login-lockouts";

	private final LoginLockouts lockouts;

	LoginLockoutController(LoginLockouts lockouts) {
		this.lockouts = lockouts;
	}

	@GetMapping(PAGE)
	@RequiresPermission(Permission.LOGIN_UNLOCK)
	String page(Model model) {
		model.addAttribute("navSection", "login-lockouts");
		model.addAttribute("locked", this.lockouts.locked());
		return "security/login-lockouts";
	}

	@PostMapping(PAGE + "/unlock")
	@RequiresPermission(Permission.LOGIN_UNLOCK)
	String unlock(@RequestParam(defaultValue = "") String username, RedirectAttributes redirect) {
		this.lockouts.unlock(username);
		redirect.addFlashAttribute("flash", "loginLockouts.unlocked");
		return "redirect:" + PAGE;
	}

}
