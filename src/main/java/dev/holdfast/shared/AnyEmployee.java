package dev.holdfast.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a route open to every signed-in employee, whatever their roles: their home
 * page, their own profile and notifications, and the routes whose answer depends on the
 * record rather than on a permission alone (a customer's page, its follow-ups), where the
 * service decides with the visibility policy and the permission of what it does. Sign-in
 * itself is still required by the security filter chain. A route declares this, a
 * {@link RequiresPermission} or a {@link PublicRoute}: the route-permission test fails on
 * one that declares none.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AnyEmployee {

}
