package dev.holdfast.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import dev.holdfast.offboarding.Offboarding;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerWork;
import dev.holdfast.shared.EmployeePrincipal;

/**
 * What the layout shows on every page: links that switch the language while keeping the
 * rest of the query, the part of the site for the navigation, the name of the employee
 * who is logged in, whether their permissions give them work with customers, the entries
 * of the top bar they may see ({@link Navigation}), and, for an employee serving notice,
 * their offboarding case. Added only to rendered pages, so REST calls and redirects cost
 * nothing. Error pages get the same, from {@link HtmlErrorHandler}: an interceptor's
 * {@code postHandle} is skipped when the handler throws.
 */
@Component
class LayoutAttributes implements HandlerInterceptor {

	private final OrganizationManagement organization;

	private final Offboarding offboarding;

	private final MessageSource messages;

	LayoutAttributes(OrganizationManagement organization, Offboarding offboarding, MessageSource messages) {
		this.organization = organization;
		this.offboarding = offboarding;
		this.messages = messages;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")
				|| page.getViewName().contains("::")) {
			return;
		}
		addTo(page, request);
	}

	/** The layout's model for a whole page. */
	void addTo(ModelAndView page, HttpServletRequest request) {
		page.addObject("languageLinks", Map.of("zh_CN", withLanguage(request.getQueryString(), "zh_CN"), "en",
				withLanguage(request.getQueryString(), "en")));
		page.addObject("answersForm", !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()));
		page.addObject("navSection", navSection(request));
		CurrentEmployee.find().ifPresent(me -> page.addObject("currentUserName", currentUserName(me, request)));
		page.addObject("customerWork", CustomerWork.held());
		page.addObject("navigationBar", Navigation.bar());
		page.addObject("navigationManage", Navigation.manageMenu());
		if (CurrentEmployee.find().isPresent()) {
			this.offboarding.myBanner().ifPresent(banner -> {
				page.addObject("myOffboardingCaseId", banner.caseId());
				page.addObject("myOffboardingBanner", banner);
			});
		}
	}

	private String currentUserName(EmployeePrincipal me, HttpServletRequest request) {
		String name = this.organization.displayNames(Set.of(me.employeeId()))
			.getOrDefault(me.employeeId(), me.username());
		// the stored default is Chinese; an English reader is greeted with the role's
		// label
		return OrganizationManagement.FIRST_ADMINISTRATOR_NAME.equals(name)
				? this.messages.getMessage("role.builtin.ADMIN", null, name, RequestContextUtils.getLocale(request))
				: name;
	}

	static String navSection(HttpServletRequest request) {
		String[] parts = request.getRequestURI().substring(request.getContextPath().length()).split("/");
		if (parts.length < 2) {
			return "home";
		}
		return "admin".equals(parts[1]) && parts.length > 2 ? parts[2] : parts[1];
	}

	static String withLanguage(String query, String language) {
		List<String> parts = new ArrayList<>();
		if (query != null) {
			for (String part : query.split("&")) {
				if (!part.isEmpty() && !part.startsWith("lang=")) {
					parts.add(part);
				}
			}
		}
		parts.add("lang=" + language);
		return "?" + String.join("&", parts);
	}

}
