package dev.holdfast.provisioning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * The filter chain of {@code /scim/v2}: SCIM tokens only, no session, no CSRF (no cookie
 * is ever read), SCIM error bodies. Ordered before the web chain, which matches every
 * request; the API chain matches only {@code /api/v1}, so the two never meet.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class ScimSecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain scim(HttpSecurity http, ScimCallers callers) throws Exception {
		return http.securityMatcher("/scim/v2/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new ScimBearerFilter(callers), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(ScimCallers.SCIM))
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> ScimErrors.write(response, 401,
						"send a valid SCIM token: Authorization: Bearer <token>"))
				.accessDeniedHandler(
						(request, response, ex) -> ScimErrors.write(response, 403, "the token may not do this")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
			.build();
	}

}
