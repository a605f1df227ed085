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
import org.springframework.beans.SimpleTypeConverter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.HandlerMethod;
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

	FormPages(FormErrors formErrors) {
		this.formErrors = formErrors;
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

	/** The form again with the refusal's messages, if the handler declares its page. */
	Optional<ModelAndView> showAgain(HandlerMethod handler, RuntimeException refusal, HttpServletRequest request,
			HttpServletResponse response) {
		FormPage page = handler == null ? null : handler.getMethodAnnotation(FormPage.class);
		if (page == null || !shows(page, refusal)) {
			return Optional.empty();
		}
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
			errors = Map.of(atField ? page.refusalField() : "form", this.formErrors.translate(forbidden.getMessage()));
			status = atField ? HttpStatus.FORBIDDEN : HttpStatus.valueOf(page.invalidStatus());
		}
		else {
			errors = this.formErrors.of((InvalidInputException) refusal);
			status = HttpStatus.valueOf(page.invalidStatus());
		}
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
		Object controller = AopProxyUtils.getSingletonTarget(handler.getBean());
		controller = controller != null ? controller : handler.getBean();
		Method method = pageMethod(handler.getBeanType(), page.value());
		Object[] arguments = arguments(method, refusal, errors, model, redirect, request, response);
		String view;
		try {
			view = (String) ReflectionUtils.invokeMethod(method, controller, arguments);
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
				arguments[i] = bound(binders, type)
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

	private static Object pathVariable(Map<String, String> path, HttpServletRequest request, String name,
			Class<?> type) {
		String value = path == null ? null : path.get(name);
		if (value == null) {
			// else the request parameter of that name (a filter the form carried along)
			value = request.getParameter(name);
			if (value != null && value.isBlank() && !type.isPrimitive() && type != String.class) {
				value = null;
			}
		}
		if (value == null && type.isPrimitive()) {
			return type == boolean.class ? false : new SimpleTypeConverter().convertIfNecessary("0", type);
		}
		return value == null ? null : new SimpleTypeConverter().convertIfNecessary(value, type);
	}

}
