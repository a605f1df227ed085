package dev.holdfast.security;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a visitor who was sent to the login page wanted to go: kept in a cookie rather
 * than in a session (no session row before a login), and only as a path of this
 * application, so a planted cookie can't send anyone to another host after the login.
 */
final class LoginTargets {

	private final CookieRequestCache cookies = new CookieRequestCache();

	private final RequestCache cache = new Tolerant(this.cookies);

	LoginTargets() {
		this.cookies.setRequestMatcher(LoginTargets::worthReturningTo);
		this.cookies.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
	}

	RequestCache cache() {
		return this.cache;
	}

	/** The path to go to after a login, or the home page; the saved target is used up. */
	String target(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = this.cache.getRequest(request, response);
		if (saved == null) {
			return "/";
		}
		this.cache.removeRequest(request, response);
		try {
			URI uri = URI.create(saved.getRedirectUrl());
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
				return "/";
			}
			String context = request.getContextPath();
			if (!path.startsWith(context + "/")) {
				return "/";
			}
			return path.substring(context.length()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

	/** Pages a person opened, not fragments htmx loads or error pages. */
	private static boolean worthReturningTo(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")) && !path.startsWith("/error")
				&& !path.startsWith("/logout") && !path.endsWith("/favicon.ico");
	}

	/** A cookie that is not what we wrote (bad Base64) counts as none, never as a 500. */
	private record Tolerant(RequestCache cache) implements RequestCache {

		@Override
		public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
			this.cache.saveRequest(request, response);
		}

		@Override
		public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
			try {
				return this.cache.getRequest(request, response);
			}
			catch (IllegalArgumentException ex) {
				this.cache.removeRequest(request, response);
				return null;
			}
		}

		@Override
		public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
			try {
				return this.cache.getMatchingRequest(request, response);
			}
			catch (IllegalArgumentException ex) {
				this.cache.removeRequest(request, response);
				return null;
			}
		}

		@Override
		public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
			this.cache.removeRequest(request, response);
		}

	}

}
