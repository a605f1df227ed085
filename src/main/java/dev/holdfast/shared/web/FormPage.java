package dev.holdfast.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;

/**
 * On a handler that saves a submitted form: when the service refuses the input
 * ({@link InvalidInputException}) or finds a conflict ({@link ConflictException}), the
 * web error advice shows the form again instead of an error page, with status 422 (input;
 * htmx swaps it in) or 409 (conflict): the errors (field → message in the reader's
 * language) and the form as submitted go to the page method, which puts them where the
 * template reads them ({@code errors}, {@code form}); a conflict's details are in the
 * model as {@code conflict}. The handler has no {@code catch} of its own.
 * <p>
 * {@link #value()} names the controller's method that fills the rest of the form's model
 * and returns its view. Its parameters are given by type: the submitted form (any
 * parameter whose type the bound form has), {@code Map<String, String>} (the errors),
 * {@code Model}, the request and the response; any other parameter is the path variable
 * of its name, except a parameter of an exception type, which is given the refusal itself
 * (for a page that words its messages or marks its rows from the refusal's details), else
 * the request parameter of its name.
 * <p>
 * Forms answered by a redirect or an htmx fragment: the page method may also take
 * {@code RedirectAttributes}; a view {@code redirect:…} is then a redirect carrying those
 * flash attributes (no status of its own, no model). {@link #invalidStatus()} and
 * {@link #conflictStatus()} keep the status a form has always answered with;
 * {@link #refusals()} names the refusals the form shows, others keep their error page. A
 * {@link ForbiddenException} shows the form only when the handler's service refused
 * (never the route's declared permission, a gate or a suspension), at
 * {@link #refusalField()} with 403, else on {@code form} with {@link #invalidStatus()}.
 * <p>
 * What Spring cannot bind for the handler (a value of the wrong type or format, an
 * unknown choice, a constraint of the form's annotations) shows the form again as refused
 * input, whatever {@link #refusals()} says: the messages at their fields, and a form
 * whose binding failed before it existed (a record) rebuilt from what was typed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FormPage {

	/** The name of the controller's method that shows the form. */
	String value();

	/** The field that shows a conflict's message; {@code form} for the whole form. */
	String conflictField() default "form";

	/**
	 * The conflicts ({@link ConflictException#error()}) shown on
	 * {@link #conflictField()}; empty for all of them. Others show on {@code form}.
	 */
	String[] conflictFieldFor() default {};

	/**
	 * The field that shows a refusal of the service ({@link ForbiddenException}), with
	 * status 403 and recorded as any denial; empty (the default) for the error page. A
	 * refusal of the route's declared permission, before the handler runs, always answers
	 * with the error page.
	 */
	String refusalField() default "";

	/** The status of a form shown again for refused input. */
	int invalidStatus() default 422;

	/** The status of a form shown again for a conflict. */
	int conflictStatus() default 409;

	/**
	 * The refusals that show the form again; any other gets its error page. A
	 * {@link ForbiddenException} listed here shows with {@link #invalidStatus()} and its
	 * message on {@code form}.
	 */
	Class<? extends RuntimeException>[] refusals() default { InvalidInputException.class, ConflictException.class };

}
