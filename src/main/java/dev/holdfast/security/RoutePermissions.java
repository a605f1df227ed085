package dev.holdfast.security;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

import dev.holdfast.shared.RequiresPermission;

/**
 * Method security: every bean method annotated (or in a class annotated)
 * {@link RequiresPermission} is checked by {@link DeclaredPermissions} before it runs.
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

}
