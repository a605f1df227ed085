package dev.holdfast.agreement;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.holdfast.shared.EmployeePrincipal;

/**
 * Keeps customer data closed to an employee until they accept the current version of
 * every agreement their roles require: the API answers 403 {@code agreement_required}
 * naming the versions, the browser goes to the agreement page. During a new version's
 * grace period the earlier acceptance still opens the data; the browser is sent to the
 * agreement page once per session as a reminder, the API gets an {@value #DUE_HEADER}
 * header.
 * <p>
 * A servlet filter registered after Spring Security's, so both tokens and sessions are
 * authenticated when it runs.
 */
@Component
class AgreementGate extends OncePerRequestFilter {

	/**
	 * Every path that shows customer data: the API and the pages, each with everything
	 * under it. A new area with customer data adds its prefix here. Offboarding is left
	 * open: a leaver hands over whether or not they accepted a new version.
	 */
	static final List<String> CUSTOMER_DATA_PREFIXES = List.of("/api/v1/customers", "/api/v1/contacts",
			"/api/v1/follow-ups", "/api/v1/exports", "/api/v1/pool", "/api/v1/attachments", "/api/v1/know-how",
			"/api/v1/care-visits", "/api/v1/handover-tasks", "/customers", "/pool", "/exports", "/reminders",
			"/know-how", "/dashboard", "/care-visits", "/handover-tasks");

	/** The home page lists the employee's own customers. */
	static final String HOME = "/";

	static final String AGREEMENT_PAGE = "/agreements";

	static final String DUE_HEADER = "Agreement-Acceptance-Due";

	private static final String REMINDED = AgreementGate.class.getName() + ".reminded";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Obligations obligations;

	AgreementGate(Obligations obligations) {
		this.obligations = obligations;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.equals(HOME) && CUSTOMER_DATA_PREFIXES.stream()
			.noneMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof EmployeePrincipal employee)) {
			chain.doFilter(request, response);
			return;
		}
		List<Obligation> pending = this.obligations.pending(employee.employeeId(), roles(authentication));
		Instant now = Instant.now();
		List<Obligation> blocking = pending.stream().filter(o -> o.blocks(now)).toList();
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		if (!blocking.isEmpty()) {
			if (api) {
				refuse(response, blocking);
			}
			else {
				response.sendRedirect(request.getContextPath() + AGREEMENT_PAGE);
			}
			return;
		}
		if (!pending.isEmpty()) {
			response.setHeader(DUE_HEADER, pending.get(0).dueAt().toString());
			if (!api && remindOnce(request)) {
				response.sendRedirect(request.getContextPath() + AGREEMENT_PAGE + "?reminder");
				return;
			}
		}
		chain.doFilter(request, response);
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
