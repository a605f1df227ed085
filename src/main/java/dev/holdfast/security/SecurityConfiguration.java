package dev.holdfast.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.audit.AuditAction;

/**
 * Three filter chains: the actuator (public health, metrics for the scraper), the REST
 * API with bearer tokens and no session or cookies, and the web UI with form login,
 * sessions in the database and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
			+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

	/** One count per employee over the API and the web together. */
	private final RequestsAtOnce requestsAtOnce;

	SecurityConfiguration(SecurityProperties properties) {
		this.requestsAtOnce = new RequestsAtOnce(properties.requestsAtOnce(), properties.requestWait());
	}

	@Bean
	AuthenticationManager authenticationManager(PasswordAuthentication passwordAuthentication) {
		return new ProviderManager(passwordAuthentication);
	}

	/**
	 * Health and info are public (load balancers probe them); everything else under
	 * {@code /actuator}, the Prometheus metrics above all, only for the scraper's HTTP
	 * basic credentials ({@link MetricsScraper}). Nothing there opens a session.
	 */
	@Bean
	@Order(0)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain actuator(HttpSecurity http, MetricsScraper scraper) throws Exception {
		return http.securityMatcher("/actuator/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(
					requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
						.permitAll()
						.anyRequest()
						.hasRole(MetricsScraper.ROLE))
			.httpBasic(basic -> basic.realmName("Holdfast metrics"))
			.authenticationManager(scraper.authenticationManager())
			.build();
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, OrganizationManagement organization,
			SecondFactorPolicy twoFactorPolicy) throws Exception {
		return http.securityMatcher("/api/v1/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, organization), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeGate(true), BearerTokenFilter.class)
			.addFilterAfter(new SecondFactorGate(twoFactorPolicy, true, false), PasswordChangeGate.class)
			.addFilterAfter(this.requestsAtOnce, SecondFactorGate.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> json(response, 401, "unauthorized",
						"send a valid token: Authorization: Bearer <token>"))
				.accessDeniedHandler((request, response, ex) -> json(response, 403, "forbidden",
						"you lack the permission for this")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
			.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain web(HttpSecurity http, OrganizationManagement organization, AuditTrail audit,
			SecondFactorPolicy twoFactorPolicy, SessionProperties sessions, SsoProperties sso, SsoIdentities identities,
			AccessRules accessRules, HoldfastClock clock) throws Exception {
		LoginTargets targets = new LoginTargets();
		LoginSuccess success = new LoginSuccess(sessions, targets);
		if (sso.enabled()) {
			http.oauth2Login(login -> login.loginPage("/login")
				.successHandler(new SsoLogin(organization, identities, accessRules, audit, success, clock))
				.failureHandler(
						(request, response, ex) -> response.sendRedirect(request.getContextPath() + "/login?sso")));
		}
		return http.authorizeHttpRequests(requests -> requests
			// the API description and its UI are for logged-in employees
			.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico")
			.permitAll()
			.anyRequest()
			.authenticated())
			.addFilterAfter(new SessionRefreshFilter(organization, sessions, clock), SecurityContextHolderFilter.class)
			.addFilterAfter(new PasswordChangeGate(false), SessionRefreshFilter.class)
			.addFilterAfter(new SecondFactorGate(twoFactorPolicy, false, sso.trustProviderMfa()),
					PasswordChangeGate.class)
			.addFilterAfter(this.requestsAtOnce, SecondFactorGate.class)
			// no session before a login: the CSRF token and the page asked for wait in
			// cookies
			.csrf(csrf -> csrf.csrfTokenRepository(new LoginCsrfTokens()))
			.requestCache(cache -> cache.requestCache(targets.cache()))
			.formLogin(form -> form.loginPage("/login")
				.authenticationDetailsSource(request -> new LoginDetails(request.getParameter("code")))
				.successHandler(success)
				.failureHandler((request, response, ex) -> response
					.sendRedirect(request.getContextPath() + "/login?" + failureReason(ex))))
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null && authentication.getPrincipal() instanceof HoldfastUser user) {
						audit.recordAs(user.employeeId(), user.username(), AuditAction.LOGOUT, "employee",
								user.employeeId(), Map.of());
					}
				}))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	/**
	 * The page to return to after logging in: one the browser asked for, never an htmx
	 * fragment or poll, which would come back as a bare fragment.
	 */

	/** Which message the login page shows after a failed login. */
	private static String failureReason(Exception ex) {
		if (ex instanceof LoginLockedException) {
			return "locked";
		}
		if (ex instanceof SecondFactorRequiredException) {
			return "code";
		}
		return ex instanceof LoginRefusedException ? "refused" : "error";
	}

	/** A JSON error body of the API's shape, for refusals written by the filters. */
	static void json(HttpServletResponse response, int status, String error, String message) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
	}

}
