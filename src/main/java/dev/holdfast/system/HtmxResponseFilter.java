package dev.holdfast.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.holdfast.shared.web.Htmx;

/**
 * Makes sure htmx never puts a whole page into a part of one. The browser follows a
 * redirect inside htmx's request and htmx swaps whatever page it ends on into the target:
 * the bell once filled itself with the two-factor page, which had a bell of its own, and
 * so on. Registered before Spring Security, so it answers for every route and every
 * filter:
 * <ul>
 * <li>a redirect becomes 204 with {@code HX-Redirect}: the browser opens the page as a
 * whole;</li>
 * <li>a redirect to the login page, and a 401 or 403 for someone not (or no longer)
 * logged in, becomes 401 with {@code HX-Redirect} to the login page and
 * {@code Holdfast-Session: ended}: the page keeps what was typed and offers a login
 * (app.js);</li>
 * <li>any other error the container would render as a page is answered by its status
 * alone.</li>
 * </ul>
 * A history restore (the back button) wants a whole page and is left alone.
 */
class HtmxResponseFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(Htmx.REQUEST) == null || request.getHeader(Htmx.HISTORY_RESTORE) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new Answer(request, response));
	}

	/**
	 * The response as htmx gets it: redirects and error pages replaced before they go
	 * out.
	 */
	static final class Answer extends HttpServletResponseWrapper {

		private static final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();

		private final HttpServletRequest request;

		private boolean replaced;

		private boolean redirectStatus;

		Answer(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		@Override
		public void sendRedirect(String location) {
			redirect(location);
		}

		@Override
		public void sendRedirect(String location, boolean clearBuffer) {
			redirect(location);
		}

		@Override
		public void sendRedirect(String location, int status) {
			redirect(location);
		}

		@Override
		public void sendRedirect(String location, int status, boolean clearBuffer) {
			redirect(location);
		}

		@Override
		public void sendError(int status) {
			error(status);
		}

		@Override
		public void sendError(int status, String message) {
			error(status);
		}

		/** A redirect written by hand (status, then the Location header). */
		@Override
		public void setStatus(int status) {
			if (this.replaced) {
				return;
			}
			this.redirectStatus = isRedirect(status);
			if (this.redirectStatus && getHeader("Location") != null) {
				redirect(getHeader("Location"));
				return;
			}
			super.setStatus(this.redirectStatus ? SC_NO_CONTENT : status);
		}

		@Override
		public void setHeader(String name, String value) {
			if (this.redirectStatus && "Location".equalsIgnoreCase(name) && value != null) {
				redirect(value);
				return;
			}
			super.setHeader(name, value);
		}

		@Override
		public void addHeader(String name, String value) {
			if (this.redirectStatus && "Location".equalsIgnoreCase(name) && value != null) {
				redirect(value);
				return;
			}
			super.addHeader(name, value);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			return this.replaced ? new Discarded() : super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			return this.replaced ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
		}

		private void redirect(String location) {
			if (isLoginPage(location)) {
				sessionEnded(location);
				return;
			}
			replace(SC_NO_CONTENT);
			super.setHeader(Htmx.REDIRECT, location);
		}

		private void error(int status) {
			if ((status == SC_UNAUTHORIZED || status == SC_FORBIDDEN) && !loggedIn()) {
				sessionEnded(this.request.getContextPath() + "/login");
				return;
			}
			replace(status);
		}

		private void sessionEnded(String login) {
			replace(SC_UNAUTHORIZED);
			super.setHeader(Htmx.REDIRECT, login);
			super.setHeader(Htmx.SESSION, Htmx.SESSION_ENDED);
		}

		private void replace(int status) {
			if (isCommitted()) {
				return;
			}
			resetBuffer();
			super.setStatus(status);
			super.addHeader("Vary", Htmx.REQUEST);
			this.replaced = true;
			this.redirectStatus = false;
		}

		private boolean isLoginPage(String location) {
			try {
				String path = URI.create(location).getPath();
				return (this.request.getContextPath() + "/login").equals(path);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

		/** Asked while the request is still inside Spring Security, which knows. */
		private static boolean loggedIn() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return trust.isAuthenticated(authentication);
		}

		private static boolean isRedirect(int status) {
			return status == SC_MOVED_PERMANENTLY || status == SC_FOUND || status == SC_SEE_OTHER
					|| status == SC_TEMPORARY_REDIRECT || status == SC_PERMANENT_REDIRECT;
		}

	}

	/** Where the body of a replaced answer goes. */
	private static final class Discarded extends ServletOutputStream {

		private final OutputStream sink = OutputStream.nullOutputStream();

		@Override
		public void write(int b) throws IOException {
			this.sink.write(b);
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
		}

	}

}
