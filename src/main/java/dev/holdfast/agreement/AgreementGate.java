package dev.holdfast.agreement;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.HoldfastClock;

/**
 * Keeps every route closed to an employee until they accept the current version of every
 * agreement their roles require, unless the route is marked {@link FreeOfCustomerData}:
 * deny by default. The API answers 403 {@code agreement_required} naming the versions,
 * the browser goes to the agreement page. During a new version's grace period the earlier
 * acceptance still opens the data; the browser is sent to the agreement page once per
 * session as a reminder, and every answer carries an {@value #DUE_HEADER} header.
 * <p>
 * It judges the handler Spring chose, after decoding and normalising the path, never the
 * path itself: another spelling of a path reaches the same handler and the same decision.
 * Static files and the error pages are free; any other kind of handler is gated.
 */
class AgreementGate implements HandlerInterceptor {

	static final String AGREEMENT_PAGE = "/agreements";

	static final String DUE_HEADER = "Agreement-Acceptance-Due";

	private static final String REMINDED = AgreementGate.class.getName() + ".reminded";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Obligations obligations;

	private final HoldfastClock clock;

	AgreementGate(Obligations obligations, HoldfastClock clock) {
		this.obligations = obligations;
		this.clock = clock;
	}

	/** Whether the handler shows no customer data, so that the gate lets it through. */
	static boolean isFree(Object handler) {
		if (handler instanceof HandlerMethod method) {
			return method.hasMethodAnnotation(FreeOfCustomerData.class)
					|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), FreeOfCustomerData.class)
					|| ErrorController.class.isAssignableFrom(method.getBeanType());
		}
		return handler instanceof ResourceHttpRequestHandler;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (isFree(handler) || authentication == null
				|| !(authentication.getPrincipal() instanceof EmployeePrincipal employee)) {
			return true;
		}
		List<Obligation> pending = this.obligations.pending(employee.employeeId(), roles(authentication));
		if (pending.isEmpty()) {
			return true;
		}
		Instant now = this.clock.now();
		List<Obligation> blocking = pending.stream().filter(o -> o.blocks(now)).toList();
		boolean api = answersWithBody(handler);
		if (!blocking.isEmpty()) {
			if (api) {
				refuse(response, blocking);
			}
			else {
				response.sendRedirect(request.getContextPath() + AGREEMENT_PAGE);
			}
			return false;
		}
		response.setHeader(DUE_HEADER, pending.get(0).dueAt().toString());
		if (!api && remindOnce(request)) {
			response.sendRedirect(request.getContextPath() + AGREEMENT_PAGE + "?reminder");
			return false;
		}
		return true;
	}

	/** A REST handler answers 403 in JSON; a page (or anything else) redirects. */
	private static boolean answersWithBody(Object handler) {
		return handler instanceof HandlerMethod method && (method.hasMethodAnnotation(ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class));
	}

	static List<String> roles(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.toList();
	}

	private static boolean remindOnce(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || session.getAttribute(REMINDED) != null) {
			return false;
		}
		session.setAttribute(REMINDED, Boolean.TRUE);
		return true;
	}

	private static void refuse(HttpServletResponse response, List<Obligation> blocking) throws IOException {
		List<Map<String, Object>> agreements = blocking.stream().map(o -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("agreementId", o.agreementId());
			item.put("versionId", o.versionId());
			item.put("version", o.number());
			item.put("title", o.titleEn());
			item.put("titleZh", o.titleZh());
			item.put("accept", "POST /api/v1/me/agreements/" + o.versionId() + "/accept");
			return item;
		}).toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "agreement_required");
		body.put("message", "accept the confidentiality agreements listed before opening customer data");
		body.put("agreements", agreements);
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(body));
	}

}
