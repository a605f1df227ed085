package dev.holdfast.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permissions a route needs, declared on its handler method or its controller (a
 * method's declaration replaces its controller's). Method security checks them before the
 * handler runs, each as {@link Permission#require()} does: 403 for a missing permission,
 * and the notice-period or suspension refusal when that takes it away. The service the
 * handler calls keeps its own checks: this is a second door, never the only one.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresPermission {

	/** Every one of these is needed, checked in this order. */
	Permission[] value() default {};

	/**
	 * One of these is enough (e.g. the roles page for whoever manages roles or
	 * employees): a caller holding one of the first ones passes; otherwise the last one
	 * is required, and its refusal is the answer.
	 */
	Permission[] anyOf() default {};

}
