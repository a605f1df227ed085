package dev.holdfast.security;

import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.PublicRoute;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;

@FreeOfCustomerData
@RestController
@RequestMapping("/api/v1")
class AuthApi {

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	private final OrganizationManagement organization;

	private final SecondFactorPolicy policy;

	AuthApi(AuthenticationManager authentication, ApiTokens tokens, OrganizationManagement organization,
			SecondFactorPolicy policy) {
		this.authentication = authentication;
		this.policy = policy;
		this.tokens = tokens;
		this.organization = organization;
	}

	/**
	 * @param code the current code of the employee's authenticator app, or one of their
	 * recovery codes; needed once they have a second factor
	 */
	record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password,
			@Size(max = 20) String code) {
	}

	record Me(long id, String username, String displayName, Long departmentId, List<String> roles, String status,
			List<String> permissions, List<String> restricted, List<String> suspended) {
	}

	@PostMapping("/auth/token")
	@PublicRoute("a token is how an employee signs in to the API")
	ResponseEntity<?> token(@Valid @RequestBody Credentials credentials) {
		try {
			UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken
				.unauthenticated(credentials.username(), credentials.password());
			login.setDetails(new LoginDetails(credentials.code()));
			Authentication authenticated = this.authentication.authenticate(login);
			HoldfastUser user = (HoldfastUser) authenticated.getPrincipal();
			if (PasswordChangeGate.mustChange(authenticated)) {
				return ResponseEntity.status(HttpStatus.FORBIDDEN)
					.body(Map.of("error", "password_change_required", "message",
							"you log in with an initial password: choose a new one at "
									+ PasswordChangeGate.PASSWORD_PAGE + " in the browser first"));
			}
			if (this.policy.mustEnrol(authenticated, user)) {
				return ResponseEntity.status(HttpStatus.FORBIDDEN)
					.body(Map.of("error", "two_factor_enrolment_required", "message",
							"your role requires two-factor login: enrol in the browser first"));
			}
			return ResponseEntity.ok(this.tokens.issue(user));
		}
		// kept: the token endpoint's own documented answers to a refused login (its codes
		// and statuses, 401 and 429 among them), not the API advice's error format
		catch (LoginRefusedException ex) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("error", "login_refused", "message",
						"your role may not log in from this address or at this hour"));
		}
		catch (SecondFactorRequiredException ex) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(Map.of("error", "two_factor_required", "message", "send the code of your authenticator app"));
		}
		catch (LoginLockedException ex) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.body(Map.of("error", "locked", "message", ex.getMessage()));
		}
		catch (AuthenticationException ex) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(Map.of("error", "unauthorized", "message", "wrong username or password"));
		}
	}

	@DeleteMapping("/auth/token")
	@AnyEmployee
	ResponseEntity<Void> revoke(HttpServletRequest request) {
		this.tokens.revoke(BearerTokenFilter.bearerToken(request));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/me")
	@AnyEmployee
	Me me(Authentication authentication) {
		EmployeeView employee = this.organization.employee(CurrentEmployee.id());
		return new Me(employee.id(), employee.username(), employee.displayName(), employee.departmentId(),
				employee.roles(), employee.status().name(),
				authorities(authentication)
					.filter(a -> !a.startsWith("ROLE_") && !a.startsWith(RESTRICTED) && !a.startsWith(SUSPENDED)
							&& !a.equals(HoldfastUser.PASSWORD_CHANGE_REQUIRED))
					.toList(),
				withPrefix(authentication, RESTRICTED), withPrefix(authentication, SUSPENDED));
	}

	private static final String RESTRICTED = Permission.RESTRICTED_PREFIX;

	private static final String SUSPENDED = Permission.SUSPENDED_PREFIX;

	/** The permission codes taken away by a notice period or a risk suspension. */
	private static List<String> withPrefix(Authentication authentication, String prefix) {
		return authorities(authentication).filter(a -> a.startsWith(prefix))
			.map(a -> a.substring(prefix.length()))
			.toList();
	}

	private static Stream<String> authorities(Authentication authentication) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted();
	}

}
