package dev.holdfast.security;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.LoginAccount;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.RequestClient;
import dev.holdfast.audit.AuditAction;

/**
 * After the provider has authenticated someone: finds the employee (by
 * {@code preferred_username}, else by e-mail), applies the same rules as a password login
 * (status, addresses and hours), and replaces the provider's principal with the
 * employee's, so the rest of Holdfast sees one kind of login. Nobody unknown gets in.
 */
class SsoLogin implements AuthenticationSuccessHandler {

	static final String METHOD = "holdfast.login.method";

	private final OrganizationManagement organization;

	private final SsoIdentities identities;

	private final AccessRules accessRules;

	private final AuditTrail audit;

	private final LoginSuccess success;

	private final HoldfastClock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SsoLogin(OrganizationManagement organization, SsoIdentities identities, AccessRules accessRules, AuditTrail audit,
			LoginSuccess success, HoldfastClock clock) {
		this.clock = clock;
		this.organization = organization;
		this.identities = identities;
		this.accessRules = accessRules;
		this.audit = audit;
		this.success = success;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		OidcUser user = (OidcUser) authentication.getPrincipal();
		Optional<LoginAccount> account = match(user).filter(LoginAccount::mayLogIn);
		String refusal = account.isEmpty() ? "unknown"
				: this.accessRules
					.refusal(account.get().roles(), RequestClient.current().ip(),
							this.clock.now().atZone(this.clock.zone()))
					.orElse(null);
		if (refusal != null) {
			this.audit.recordAs(account.map(LoginAccount::id).orElse(null), user.getSubject(), AuditAction.LOGIN_FAILED,
					"sso_subject", user.getSubject(), Map.of("method", "SSO", "reason", refusal));
			SecurityContextHolder.clearContext();
			request.getSession().invalidate();
			response.sendRedirect(request.getContextPath() + "/login?sso");
			return;
		}
		LoginAccount found = account.get();
		this.identities.loggedIn(found.id(), user.getIssuer().toString(), user.getSubject());
		this.audit.recordAs(found.id(), found.username(), AuditAction.LOGIN_SUCCEEDED, "employee", found.id(),
				Map.of("method", "SSO"));
		Authentication employee = HoldfastUser.of(found, this.clock.now()).toAuthentication(found);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(employee);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		request.getSession().setAttribute(METHOD, "SSO");
		this.success.onAuthenticationSuccess(request, response, employee);
	}

	private Optional<LoginAccount> match(OidcUser user) {
		String username = user.getPreferredUsername();
		Optional<LoginAccount> byName = username == null ? Optional.empty() : this.organization.loginAccount(username);
		return byName.isPresent() ? byName : this.organization.loginAccountByEmail(user.getEmail());
	}

}
