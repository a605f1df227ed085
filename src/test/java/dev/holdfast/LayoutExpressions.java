package dev.holdfast;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.expression.AbstractSecurityExpressionHandler;
import org.springframework.security.access.expression.SecurityExpressionHandler;
import org.springframework.security.access.expression.SecurityExpressionOperations;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.access.expression.WebSecurityExpressionRoot;

/**
 * For web slices ({@code @WebMvcTest}) of pages: the layout's {@code sec:authorize} needs
 * the expression handler the whole application's security has.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LayoutExpressions {

	@Bean
	SecurityExpressionHandler<FilterInvocation> webSecurityExpressionHandler() {
		return new AbstractSecurityExpressionHandler<>() {

			@Override
			protected SecurityExpressionOperations createSecurityExpressionRoot(Authentication authentication,
					FilterInvocation invocation) {
				return new WebSecurityExpressionRoot(authentication, invocation);
			}

		};
	}

}
