package dev.holdfast.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before everything else and makes every request look as if it came to
 * {@link BaseUrl}: scheme, host, port, {@code Host} header and request URL. Whatever
 * builds an absolute URL from the request (Spring Security's login redirects and saved
 * requests, the OpenID Connect redirect URI, SCIM locations, the OpenAPI description)
 * therefore uses the configured address, and a forged {@code Host: evil.example} is never
 * reflected. A relative redirect is made absolute against the same address, not by the
 * servlet container from the {@code Host} header.
 */
class BaseUrlFilter extends OncePerRequestFilter {

	private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

	private final BaseUrl baseUrl;

	BaseUrlFilter(BaseUrl baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** First of all filters, also when the container forwards to an error page. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<BaseUrlFilter> baseUrlFilter(BaseUrl baseUrl) {
			FilterRegistrationBean<BaseUrlFilter> registration = new FilterRegistrationBean<>(
					new BaseUrlFilter(baseUrl));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
			return registration;
		}

	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		URI base = this.baseUrl.uri();
		PinnedRequest pinned = new PinnedRequest(request, base);
		chain.doFilter(pinned, new PinnedRedirects(response, current(pinned, base)));
	}

	/** The page as requested, at the configured address; the root if the path is odd. */
	private static URI current(HttpServletRequest pinned, URI base) {
		try {
			return URI.create(pinned.getRequestURL().toString());
		}
		catch (IllegalArgumentException ex) {
			return base.resolve("/");
		}
	}

	private static final class PinnedRequest extends HttpServletRequestWrapper {

		private final URI base;

		PinnedRequest(HttpServletRequest request, URI base) {
			super(request);
			this.base = base;
		}

		@Override
		public String getScheme() {
			return this.base.getScheme();
		}

		@Override
		public boolean isSecure() {
			return "https".equalsIgnoreCase(this.base.getScheme());
		}

		@Override
		public String getServerName() {
			return this.base.getHost();
		}

		@Override
		public int getServerPort() {
			int port = this.base.getPort();
			return port != -1 ? port : isSecure() ? 443 : 80;
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(authority()).append(getRequestURI());
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.HOST.equalsIgnoreCase(name) ? hostHeader() : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.HOST.equalsIgnoreCase(name) ? Collections.enumeration(List.of(hostHeader()))
					: super.getHeaders(name);
		}

		private String hostHeader() {
			return this.base.getPort() == -1 ? this.base.getHost() : this.base.getHost() + ":" + this.base.getPort();
		}

		private String authority() {
			return this.base.getScheme() + "://" + hostHeader();
		}

	}

	private static final class PinnedRedirects extends HttpServletResponseWrapper {

		private final URI current;

		PinnedRedirects(HttpServletResponse response, URI current) {
			super(response);
			this.current = current;
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			super.sendRedirect(absolute(location));
		}

		@Override
		public void sendRedirect(String location, int status) throws IOException {
			super.sendRedirect(absolute(location), status);
		}

		@Override
		public void sendRedirect(String location, boolean clearBuffer) throws IOException {
			super.sendRedirect(absolute(location), clearBuffer);
		}

		@Override
		public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
			super.sendRedirect(absolute(location), status, clearBuffer);
		}

		/** Relative to the page as it was requested at the configured address. */
		private String absolute(String location) {
			if (location == null || ABSOLUTE.matcher(location).lookingAt()) {
				return location;
			}
			if (location.startsWith("//") || location.startsWith("/\\") || location.startsWith("\\")) {
				// "//host/path" is another host: never follow a redirect there
				return this.current.resolve("/").toString();
			}
			try {
				return this.current.resolve(location).toString();
			}
			catch (IllegalArgumentException ex) {
				return this.current.resolve("/").toString();
			}
		}

	}

}
