package dev.holdfast.security;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.security.core.Authentication;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.PublicRoute;
import dev.holdfast.shared.RequiresPermission;

/**
 * The check of the permissions routes declare with {@link RequiresPermission}, run by
 * method security before the handler, and refused exactly as {@link Permission#require()}
 * refuses (the same exception, so the same 403 page or JSON answer and the same audit
 * event of the refusal). A method's own declaration ({@code @RequiresPermission},
 * {@code @AnyEmployee} or {@code @PublicRoute}) replaces its controller's.
 */
final class DeclaredPermissions implements AuthorizationManager<MethodInvocation>, MethodAuthorizationDeniedHandler {

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			MethodInvocation invocation) {
		Class<?> target = invocation.getThis() != null ? AopUtils.getTargetClass(invocation.getThis())
				: invocation.getMethod().getDeclaringClass();
		try {
			check(AopUtils.getMostSpecificMethod(invocation.getMethod(), target), target);
			return new AuthorizationDecision(true);
		}
		catch (ForbiddenException refusal) {
			return new Refusal(refusal);
		}
	}

	@Override
	public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
		if (result instanceof Refusal refusal) {
			throw refusal.exception;
		}
		throw new ForbiddenException("missing permission");
	}

	/**
	 * Refuses (as {@link Permission#require()} does) a caller without the permissions the
	 * handler declares, or its controller; nothing for a route that declares none.
	 */
	static void check(Method method, Class<?> controller) {
		RequiresPermission required = required(method, controller);
		if (required == null) {
			return;
		}
		for (Permission permission : required.value()) {
			permission.require();
		}
		requireAny(required.anyOf());
	}

	private static void requireAny(Permission[] anyOf) {
		for (int i = 0; i < anyOf.length - 1; i++) {
			if (anyOf[i].isHeld()) {
				return;
			}
		}
		if (anyOf.length > 0) {
			anyOf[anyOf.length - 1].require();
		}
	}

	/** The permissions a handler needs: its own declaration, else its controller's. */
	static RequiresPermission required(Method method, Class<?> controller) {
		if (declares(method)) {
			return AnnotatedElementUtils.findMergedAnnotation(method, RequiresPermission.class);
		}
		return AnnotatedElementUtils.findMergedAnnotation(controller, RequiresPermission.class);
	}

	private static boolean declares(AnnotatedElement element) {
		return AnnotatedElementUtils.hasAnnotation(element, RequiresPermission.class)
				|| AnnotatedElementUtils.hasAnnotation(element, AnyEmployee.class)
				|| AnnotatedElementUtils.hasAnnotation(element, PublicRoute.class);
	}

	/** A denial that carries the refusal {@link Permission#require()} would throw. */
	private static final class Refusal extends AuthorizationDecision {

		private final ForbiddenException exception;

		Refusal(ForbiddenException exception) {
			super(false);
			this.exception = exception;
		}

	}

}
