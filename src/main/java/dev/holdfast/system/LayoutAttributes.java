package dev.holdfast.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;

/**
 * What the layout shows on every page: links that switch the language while keeping the
 * rest of the query, and the name of the employee who is logged in.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAttributes {

	private final OrganizationManagement organization;

	LayoutAttributes(OrganizationManagement organization) {
		this.organization = organization;
	}

	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks(HttpServletRequest request) {
		return Map.of("zh_CN", withLanguage(request.getQueryString(), "zh_CN"), "en",
				withLanguage(request.getQueryString(), "en"));
	}

	/** The part of the site the page belongs to, for marking the navigation link. */
	@ModelAttribute("navSection")
	String navSection(HttpServletRequest request) {
		String[] parts = request.getRequestURI().substring(request.getContextPath().length()).split("/");
		if (parts.length < 2) {
			return "home";
		}
		return "admin".equals(parts[1]) && parts.length > 2 ? parts[2] : parts[1];
	}

	@ModelAttribute("currentUserName")
	String currentUserName(HttpServletRequest request) {
		if (request.getHeader("HX-Request") != null) {
			return null;
		}
		return CurrentEmployee.find()
			.map(me -> this.organization.displayNames(Set.of(me.employeeId()))
				.getOrDefault(me.employeeId(), me.username()))
			.orElse(null);
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
