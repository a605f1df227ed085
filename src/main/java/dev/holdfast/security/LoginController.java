package dev.holdfast.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.PublicRoute;

@FreeOfCustomerData
@Controller
class LoginController {

	private final SsoProperties sso;

	LoginController(SsoProperties sso) {
		this.sso = sso;
	}

	@GetMapping("/login")
	@PublicRoute("the login page is where signing in starts")
	String login(Model model) {
		if (this.sso.enabled()) {
			model.addAttribute("ssoName", this.sso.name());
			model.addAttribute("ssoPath", "/oauth2/authorization/" + SsoProperties.REGISTRATION);
		}
		return "login";
	}

}
