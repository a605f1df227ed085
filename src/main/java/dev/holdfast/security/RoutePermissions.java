package dev.holdfast.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.holdfast.shared.RequiresPermission;

/**
 * Method security: every bean method annotated (or in a class annotated)
 * {@link RequiresPermission} is checked by {@link DeclaredPermissions} before it runs.
 * For web routes the same check runs once more, earlier: before Spring binds and
 * validates the request into the handler's arguments, so that a refused caller never sees
 * a binding error, let alone the form page it would show again.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(proxyTargetClass = true)
class RoutePermissions {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor routePermissionAdvisor() {
		ComposablePointcut declared = new ComposablePointcut(
				new AnnotationMatchingPointcut(RequiresPermission.class, true))
			.union(AnnotationMatchingPointcut.forMethodAnnotation(RequiresPermission.class));
		return new AuthorizationManagerBeforeMethodInterceptor(declared, new DeclaredPermissions());
	}

	@Bean
	WebMvcConfigurer routePermissionsBeforeBinding() {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new HandlerInterceptor() {

					@Override
					public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
						if (handler instanceof HandlerMethod method) {
							DeclaredPermissions.check(method.getMethod(), method.getBeanType());
						}
						return true;
					}

				});
			}

		};
	}

}
