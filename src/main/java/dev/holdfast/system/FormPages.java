package dev.holdfast.system;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.SimpleTypeConverter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.ui.Model;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.BindException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NoticePeriodException;
import dev.holdfast.shared.SuspendedException;
import dev.holdfast.shared.NotFoundException;

/**
 * Shows a submitted form again when its service refused it (see {@link FormPage}), for
 * the web error advice. Remembers the request's data binders, so that the form as it was
 * bound is at hand after the handler failed.
 */
@ControllerAdvice(annotations = Controller.class)
class FormPages {

	private static final Logger log = LoggerFactory.getLogger(FormPages.class);

	private static final String BINDERS = FormPages.class.getName() + ".binders";

	private final FormErrors formErrors;

	private final MessageSource messages;

	FormPages(FormErrors formErrors, MessageSource messages) {
		this.formErrors = formErrors;
		this.messages = messages;
	}

	@InitBinder
	void remember(WebDataBinder binder, HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		List<WebDataBinder> binders = (List<WebDataBinder>) request.getAttribute(BINDERS);
		if (binders == null) {
			binders = new ArrayList<>();
			request.setAttribute(BINDERS, binders);
		}
		binders.add(binder);
	}

	/**
	 * A submitted form Spring could not bind (a field of the wrong type or format, an
	 * unknown choice, a broken constraint of its annotations), as refused input at its
	 * fields in the reader's language, if the handler declares its form; the form is then
	 * shown again as for a refusal of its service.
	 */
	Optional<InvalidInputException> asRefusedInput(HandlerMethod handler, Exception ex) {
		if (handler == null || !handler.hasMethodAnnotation(FormPage.class)) {
			return Optional.empty();
		}
		Map<String, String> errors;
		if (ex instanceof BindException bind) {
			errors = this.formErrors.of(bind.getBindingResult());
		}
		else if (ex instanceof MethodArgumentTypeMismatchException mismatch
				&& !mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
			// a field of the form; a path of the wrong shape names no record: 400
			errors = Map.of(mismatch.getName(), message("typeMismatch"));
		}
		else if (ex instanceof HttpMessageNotReadableException) {
			errors = Map.of("form", message("error.badRequest"));
		}
		else {
			return Optional.empty();
		}
		return errors.isEmpty() ? Optional.empty() : Optional.of(new InvalidInputException(errors));
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	/** The form again with the refusal's messages, if the handler declares its page. */
	Optional<ModelAndView> showAgain(HandlerMethod handler, RuntimeException refusal, HttpServletRequest request,
			HttpServletResponse response) {
		FormPage page = handler == null ? null : handler.getMethodAnnotation(FormPage.class);
		if (page == null || !shows(page, refusal)) {
			return Optional.empty();
		}
		return show(handler, page, refusal, request, response, false);
	}

	/**
	 * The form again with the messages of what Spring could not bind
	 * ({@link #asRefusedInput}), whatever refusals of its service the form names: a value
	 * that does not fit its field is always the form's to show.
	 */
	Optional<ModelAndView> showUnbound(HandlerMethod handler, Exception ex, HttpServletRequest request,
			HttpServletResponse response) {
		return asRefusedInput(handler, ex).flatMap(refused -> show(handler, handler.getMethodAnnotation(FormPage.class),
				refused, request, response, true));
	}

	private Optional<ModelAndView> show(HandlerMethod handler, FormPage page, RuntimeException refusal,
			HttpServletRequest request, HttpServletResponse response, boolean unbound) {
		if (refusal instanceof ForbiddenException
				&& (request.getAttribute(BINDERS) == null || !fromHandler(handler, refusal))) {
			// refused before the handler ran (the route's declared permission, a gate, a
			// suspension): not the form's refusal, so its 403 page and audit event
			return Optional.empty();
		}
		ExtendedModelMap model = new ExtendedModelMap();
		Map<String, String> errors;
		HttpStatus status;
		if (refusal instanceof ConflictException conflict) {
			boolean onField = page.conflictFieldFor().length == 0
					|| Arrays.asList(page.conflictFieldFor()).contains(conflict.error());
			errors = Map.of(onField ? page.conflictField() : "form", this.formErrors.translate(conflict.getMessage()));
			model.addAttribute("conflict", conflict.details());
			status = HttpStatus.valueOf(page.conflictStatus());
		}
		else if (refusal instanceof ForbiddenException forbidden) {
			// at its field with 403 (refusalField), else on the form with the form's
			// status
			boolean atField = !page.refusalField().isEmpty();
			// a notice period says why if it can, else as its 403 page does; so does a
			// suspension
			String reason = (forbidden instanceof NoticePeriodException notice)
					? this.formErrors.translate(notice.what(), "error.noticePeriod")
					: (forbidden instanceof SuspendedException) ? message("risk.error.suspended")
							: this.formErrors.translate(forbidden.getMessage());
			errors = Map.of(atField ? page.refusalField() : "form", reason);
			status = atField ? HttpStatus.FORBIDDEN : HttpStatus.valueOf(page.invalidStatus());
		}
		else if (refusal instanceof InvalidInputException invalid) {
			errors = this.formErrors.of(invalid);
			status = HttpStatus.valueOf(page.invalidStatus());
		}
		else {
			// another refusal the form names (a quota used up): on the form
			errors = Map.of("form", this.formErrors.translate(refusal.getMessage()));
			status = HttpStatus.valueOf(page.invalidStatus());
		}
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		Object controller = AopProxyUtils.getSingletonTarget(handler.getBean());
		controller = controller != null ? controller : handler.getBean();
		Method method = pageMethod(handler.getBeanType(), page.value());
		String view;
		try {
			Object[] arguments = arguments(method, refusal, errors, model, redirect, request, response);
			view = (String) ReflectionUtils.invokeMethod(method, controller, arguments);
		}
		catch (NotFoundException | ForbiddenException ex) {
			if (unbound) {
				// the handler never ran: a record the caller may not see answers 404, a
				// page
				// the caller may not use 403, before anything is said about the input
				throw ex;
			}
			log.warn("Form page {} failed: {}", page.value(), ex.toString());
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			// the form's page itself failed (its record gone meanwhile): the error page
			// of the refusal rather than none
			log.warn("Form page {} failed: {}", page.value(), ex.toString());
			return Optional.empty();
		}
		if (view != null && view.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)) {
			// the way back with the refusal as a flash message, as the form always went
			RequestContextUtils.getOutputFlashMap(request).putAll(redirect.getFlashAttributes());
			return Optional.of(new ModelAndView(view));
		}
		response.setStatus(status.value());
		ModelAndView answer = new ModelAndView(view, model.asMap());
		answer.setStatus(status);
		return Optional.of(answer);
	}

	/**
	 * Whether the form shows this refusal: one of its {@link FormPage#refusals()}, or a
	 * service's refusal shown at {@link FormPage#refusalField()}.
	 */
	private static boolean shows(FormPage page, RuntimeException refusal) {
		return Arrays.stream(page.refusals()).anyMatch((type) -> type.isInstance(refusal))
				|| (refusal instanceof ForbiddenException && !page.refusalField().isEmpty());
	}

	/**
	 * Whether the refusal came from the handler's own work (its service), not from the
	 * check of the route's declared permission that runs before it: that one never shows
	 * the form.
	 */
	private static boolean fromHandler(HandlerMethod handler, RuntimeException refusal) {
		String type = handler.getBeanType().getName();
		String name = handler.getMethod().getName();
		return Arrays.stream(refusal.getStackTrace())
			.anyMatch(frame -> frame.getClassName().equals(type) && frame.getMethodName().equals(name));
	}

	private static Method pageMethod(Class<?> controller, String name) {
		List<Method> found = Arrays.stream(ReflectionUtils.getDeclaredMethods(controller))
			.filter(m -> m.getName().equals(name))
			.toList();
		if (found.size() != 1) {
			throw new IllegalStateException(
					"@FormPage(\"" + name + "\") needs exactly one method of that name in " + controller.getName());
		}
		ReflectionUtils.makeAccessible(found.get(0));
		return found.get(0);
	}

	private static Object[] arguments(Method method, RuntimeException refusal, Map<String, String> errors, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		@SuppressWarnings("unchecked")
		List<WebDataBinder> binders = (List<WebDataBinder>) request.getAttribute(BINDERS);
		@SuppressWarnings("unchecked")
		Map<String, String> path = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Parameter[] parameters = method.getParameters();
		Object[] arguments = new Object[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			Parameter parameter = parameters[i];
			Class<?> type = parameter.getType();
			if (RedirectAttributes.class.isAssignableFrom(type)) {
				arguments[i] = redirect;
			}
			else if (Model.class.isAssignableFrom(type)) {
				arguments[i] = model;
			}
			else if (RuntimeException.class.isAssignableFrom(type)) {
				arguments[i] = type.isInstance(refusal) ? refusal : null;
			}
			else if (Map.class.isAssignableFrom(type)) {
				arguments[i] = errors;
			}
			else if (Throwable.class.isAssignableFrom(type)) {
				arguments[i] = type.isInstance(refusal) ? refusal : null;
			}
			else if (type.isInstance(request)) {
				arguments[i] = request;
			}
			else if (type.isInstance(response)) {
				arguments[i] = response;
			}
			else {
				arguments[i] = bound(binders, type).or(() -> rebuilt(binders, type, request))
					.orElseGet(() -> pathVariable(path, request, parameter.getName(), type));
			}
		}
		return arguments;
	}

	private static Optional<Object> bound(List<WebDataBinder> binders, Class<?> type) {
		if (binders == null || type.isPrimitive() || type == String.class || Number.class.isAssignableFrom(type)) {
			return Optional.empty();
		}
		return binders.stream().map(WebDataBinder::getTarget).filter(type::isInstance).findFirst();
	}

	/**
	 * A form whose binding failed before it existed (a record with a value of the wrong
	 * type): built again from what was typed, each value converted as the binder would,
	 * and the values that cannot be left empty.
	 */
	private static Optional<Object> rebuilt(List<WebDataBinder> binders, Class<?> type, HttpServletRequest request) {
		if (binders == null) {
			return Optional.empty();
		}
		Optional<WebDataBinder> failed = binders.stream()
			.filter(binder -> binder.getTarget() == null && binder.getTargetType() != null
					&& binder.getTargetType().resolve() == type)
			.findFirst();
		return failed.map(binder -> {
			java.lang.reflect.Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
			String[] names = BeanUtils.getParameterNames(constructor);
			Object[] values = new Object[names.length];
			for (int i = 0; i < names.length; i++) {
				values[i] = typed(binder, request, names[i], new MethodParameter(constructor, i));
			}
			try {
				return BeanUtils.instantiateClass(constructor, values);
			}
			catch (RuntimeException ex) {
				return null;
			}
		});
	}

	private static Object typed(WebDataBinder binder, HttpServletRequest request, String name,
			MethodParameter parameter) {
		String[] typed = request.getParameterValues(name);
		if (typed == null || (typed.length == 1 && typed[0].isBlank())) {
			return null;
		}
		Class<?> type = parameter.getParameterType();
		Object value = type.isArray() || java.util.Collection.class.isAssignableFrom(type) ? typed : typed[0];
		try {
			return binder.convertIfNecessary(value, type, parameter);
		}
		catch (RuntimeException ex) {
			// the value of the wrong type: its field shows the message, empty
			return null;
		}
	}

	private static Object pathVariable(Map<String, String> path, HttpServletRequest request, String name,
			Class<?> type) {
		String value = path == null ? null : path.get(name);
		if (value == null) {
			// else the request parameter of that name (a filter the form carried along);
			// left empty it is absent, as for the handler's own defaults (?page=)
			value = request.getParameter(name);
			if (value != null && value.isBlank() && type != String.class) {
				value = null;
			}
		}
		if (value == null && type.isPrimitive()) {
			return type == boolean.class ? false : new SimpleTypeConverter().convertIfNecessary("0", type);
		}
		return value == null ? null : new SimpleTypeConverter().convertIfNecessary(value, type);
	}

}
