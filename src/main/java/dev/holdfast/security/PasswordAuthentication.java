package dev.holdfast.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.LoginAccount;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.RequestClient;
import dev.holdfast.shared.Usernames;
import dev.holdfast.audit.AuditAction;

/**
 * Username and password, for the login form and the token endpoint alike. An unknown
 * user, a wrong password and a departed employee all fail the same way, after the same
 * work.
 */
@Component
class PasswordAuthentication implements AuthenticationProvider {

	private final OrganizationManagement organization;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final TwoFactors twoFactors;

	private final AccessRules accessRules;

	private final AuditTrail audit;

	private final SsoProperties sso;

	private final SsoIdentities ssoIdentities;

	private final String dummyHash;

	private final HoldfastClock clock;

	PasswordAuthentication(OrganizationManagement organization, PasswordEncoder passwords, LoginThrottle throttle,
			TwoFactors twoFactors, AccessRules accessRules, AuditTrail audit, SsoProperties sso,
			SsoIdentities ssoIdentities, HoldfastClock clock) {
		this.clock = clock;
		this.sso = sso;
		this.ssoIdentities = ssoIdentities;
		this.organization = organization;
		this.passwords = passwords;
		this.throttle = throttle;
		this.twoFactors = twoFactors;
		this.accessRules = accessRules;
		this.audit = audit;
		this.dummyHash = passwords.encode("timing-equaliser-" + System.nanoTime());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		// one form for the lookup and the failure counter: İt.admin and ＩＴ.ADMIN are
		// it.admin
		String username = Usernames.canonical(authentication.getName());
		String password = String.valueOf(authentication.getCredentials());
		if (username.isEmpty() || username.length() > Usernames.MAX_LENGTH) {
			throw new BadCredentialsException("bad credentials");
		}
		this.throttle.checkNotLocked(username);
		Optional<LoginAccount> account = this.organization.loginAccount(username).filter(LoginAccount::mayLogIn);
		boolean matches = this.passwords.matches(password,
				account.map(LoginAccount::passwordHash).orElse(this.dummyHash));
		if (account.isEmpty() || !matches) {
			this.throttle.recordFailure(username, account.map(LoginAccount::id).orElse(null));
			throw new BadCredentialsException("bad credentials");
		}
		LoginAccount found = account.get();
		checkAccessRules(found);
		checkSecondFactor(found, authentication.getDetails());
		this.throttle.recordSuccess(found.username(), found.id());
		return HoldfastUser.of(found, this.clock.now()).toAuthentication(found);
	}

	/**
	 * A login from outside the addresses or hours the employee's roles allow, or with a
	 * password by someone who must use single sign-on.
	 */
	private void checkAccessRules(LoginAccount account) {
		String ip = RequestClient.current().ip();
		Optional<String> refusal = this.accessRules.refusal(account.roles(), ip,
				this.clock.now().atZone(this.clock.zone()));
		if (refusal.isEmpty() && this.sso.enabled() && !this.sso.localLogin()
				&& this.ssoIdentities.linked(account.id())) {
			refusal = Optional.of("sso-only");
		}
		if (refusal.isPresent()) {
			this.audit.recordAs(account.id(), account.username(), AuditAction.LOGIN_REFUSED, "employee", account.id(),
					Map.of("reason", refusal.get()));
			throw new LoginRefusedException(refusal.get());
		}
	}

	/**
	 * An employee with a second factor also gives its current code (or a recovery code):
	 * none asks for it, a wrong or replayed one fails like a wrong password.
	 */
	private void checkSecondFactor(LoginAccount account, Object details) {
		if (!this.twoFactors.enrolled(account.id())) {
			return;
		}
		String code = details instanceof LoginDetails login ? login.code() : null;
		if (code == null || code.isBlank()) {
			throw new SecondFactorRequiredException();
		}
		if (!this.twoFactors.verify(account.id(), account.username(), code, this.clock.now())) {
			this.throttle.recordFailure(account.username(), account.id());
			throw new BadCredentialsException("bad credentials");
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
