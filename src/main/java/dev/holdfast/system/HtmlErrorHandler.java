package dev.holdfast.system;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.AccessDenials;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.web.Contention;
import dev.holdfast.shared.web.Overload;
import dev.holdfast.shared.web.Htmx;
import dev.holdfast.shared.NoticePeriodException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.SuspendedException;
import dev.holdfast.shared.TooManyRequestsException;
import dev.holdfast.shared.crypto.UnreadableDataException;
import dev.holdfast.shared.crypto.UnreadableDataLog;

/**
 * Error pages for the web UI: 404, 403, 400, 409 and 429 as a page in the layout, never a
 * stack trace. Refused input and conflicts of a handler that declares its form
 * ({@link dev.holdfast.shared.web.FormPage}) show that form again with the messages next
 * to its fields ({@link FormPages}); everything else is shown as a whole page. REST
 * controllers are answered by the shared API error handler, which runs first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class HtmlErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(HtmlErrorHandler.class);

	private final ObjectProvider<AccessDenials> denials;

	private final ObjectProvider<UnreadableDataLog> unreadable;

	private final LayoutAttributes layout;

	private final FormPages forms;

	HtmlErrorHandler(ObjectProvider<AccessDenials> denials, ObjectProvider<UnreadableDataLog> unreadable,
			LayoutAttributes layout, FormPages forms) {
		this.denials = denials;
		this.unreadable = unreadable;
		this.layout = layout;
		this.forms = forms;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
		return page(HttpStatus.NOT_FOUND, "error.notFound", request, response);
	}

	@ExceptionHandler(ForbiddenException.class)
	ModelAndView forbidden(ForbiddenException ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) {
		this.denials.ifAvailable(d -> d.record(ex, request.getMethod(), request.getRequestURI()));
		// a form that shows its refusal next to a field (@FormPage#refusalField)
		Optional<ModelAndView> form = this.forms.showAgain(handler, ex, request, response);
		if (form.isPresent()) {
			return withLayout(form.get(), request);
		}
		return page(HttpStatus.FORBIDDEN,
				ex instanceof NoticePeriodException ? "error.noticePeriod" : ex instanceof SuspendedException
						? "risk.error.suspended" : ex.messageKey() != null ? ex.messageKey() : "error.forbidden",
				request, response);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView accessDenied(HttpServletRequest request, HttpServletResponse response) {
		return page(HttpStatus.FORBIDDEN, "error.forbidden", request, response);
	}

	/** A parameter of the wrong type or missing: at its field of a form, else a page. */
	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badRequest(Exception ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) {
		if (ex instanceof MethodArgumentTypeMismatchException) {
			Optional<ModelAndView> form = unboundForm(ex, handler, request, response);
			if (form.isPresent()) {
				return form.get();
			}
		}
		return page(HttpStatus.BAD_REQUEST, "error.badRequest", request, response);
	}

	/**
	 * A form Spring could not bind (a value of the wrong type or format, an unknown
	 * choice, a constraint of its annotations): the form again with the message at the
	 * field, as for refused input, if the handler declares its page; else a page.
	 */
	@ExceptionHandler({ BindException.class, HttpMessageNotReadableException.class })
	ModelAndView unbound(Exception ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) {
		return unboundForm(ex, handler, request, response)
			.orElseGet(() -> page(HttpStatus.BAD_REQUEST, "error.badRequest", request, response));
	}

	/**
	 * The form of what Spring could not bind, or 404 when its page finds the record gone
	 * or not the caller's, 403 when its page refuses the caller (checked before anything
	 * is said about the input).
	 */
	private Optional<ModelAndView> unboundForm(Exception ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			return this.forms.showUnbound(handler, ex, request, response).map(form -> withLayout(form, request));
		}
		catch (NotFoundException notFound) {
			return Optional.of(notFound(request, response));
		}
		catch (ForbiddenException refused) {
			return Optional.of(forbidden(refused, handler, request, response));
		}
	}

	/** Refused input: the form again if the handler declares its page, else a page. */
	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) {
		return this.forms.showAgain(handler, ex, request, response)
			.map(form -> withLayout(form, request))
			.orElseGet(() -> page(HttpStatus.BAD_REQUEST, "error.badRequest", request, response));
	}

	/** A conflict: the form again if the handler declares its page, else a page. */
	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) {
		return this.forms.showAgain(handler, ex, request, response)
			.map(form -> withLayout(form, request))
			.orElseGet(() -> page(HttpStatus.CONFLICT, "error.conflict", request, response));
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ModelAndView tooMany(TooManyRequestsException ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) {
		ex.retryAfterSeconds().ifPresent(seconds -> response.setHeader("Retry-After", seconds));
		// a form that shows this limit (a reveal's quota) says so in place
		Optional<ModelAndView> form = this.forms.showAgain(handler, ex, request, response);
		if (form.isPresent()) {
			return withLayout(form.get(), request);
		}
		return page(HttpStatus.TOO_MANY_REQUESTS, "error.tooMany", request, response);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (ex instanceof org.springframework.web.ErrorResponse) {
			// 404 of an unknown path, 405 and the like: Boot's error page renders them
			throw ex;
		}
		UnreadableDataException unreadable = UnreadableDataException.in(ex);
		if (unreadable != null) {
			// the record is damaged, not the server: a clear page, and an audit event
			log.error("Stored data failed its integrity check: {}", unreadable.getMessage());
			this.unreadable.ifAvailable(u -> u.record(unreadable, request.getMethod(), request.getRequestURI()));
			return page(HttpStatus.CONFLICT, "protection.error.unreadable", request, response);
		}
		if (Contention.in(ex)) {
			log.warn("A page's request lost a race for locks and was rolled back: {}", ex.getMessage());
			response.setHeader("Retry-After", Contention.RETRY_AFTER_SECONDS);
			return page(HttpStatus.CONFLICT, "error.busy", request, response);
		}
		if (Overload.in(ex)) {
			log.warn("A page's request found no database connection in time: {}", ex.getMessage());
			response.setHeader("Retry-After", Overload.RETRY_AFTER_SECONDS);
			return page(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", request, response);
		}
		log.error("Unexpected error on a page", ex);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", request, response);
	}

	/**
	 * The error page; for htmx only its message, shown above the page rather than in
	 * place of the part that asked (a 409 would otherwise be swapped in). A whole page
	 * has the top bar of every other page: the menu and the name of whoever is logged in.
	 */
	private ModelAndView page(HttpStatus status, String messageKey, HttpServletRequest request,
			HttpServletResponse response) {
		boolean fragment = Htmx.wantsFragment(request, response);
		ModelAndView page = new ModelAndView(fragment ? "fragments/request-error :: message" : "error",
				Map.of("status", status.value(), "messageKey", messageKey));
		if (fragment) {
			response.setHeader("HX-Retarget", "main");
			response.setHeader("HX-Reswap", "afterbegin");
		}
		else {
			withLayout(page, request);
		}
		page.setStatus(status);
		return page;
	}

	/** The layout's model, for a whole page (as the interceptor adds it). */
	private ModelAndView withLayout(ModelAndView page, HttpServletRequest request) {
		if (page.getViewName() == null || page.getViewName().contains("::")
				|| page.getViewName().startsWith("redirect:")) {
			return page;
		}
		try {
			this.layout.addTo(page, request);
		}
		catch (RuntimeException ex) {
			// the error may be the database itself: the page still shows, with a bare top
			// bar
			log.warn("Error page without the layout's model: {}", ex.toString());
		}
		return page;
	}

}
