package dev.holdfast.followup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * A multipart body beyond the container's limits can't be read, and Tomcat then throws
 * from every {@code getParameter}: first in the CSRF filter, which reads the token from
 * the body of an upload form, and again on the error page, so the person saw a 500. This
 * filter, ahead of Spring Security, answers such a request with a 400 written directly
 * (an error page would read the parameters again). {@link UploadLimitAdvice} answers the
 * same for requests that reach a controller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadLimitFilter extends OncePerRequestFilter {

	private final MessageSource messages;

	UploadLimitFilter(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (InvalidParameterException ex) {
			if (response.isCommitted() || !isMultipart(request)) {
				throw ex;
			}
			response.reset();
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			if (request.getRequestURI().startsWith("/api/")) {
				response.setContentType("application/json");
				response.getWriter()
					.write("{\"error\":\"validation\",\"message\":\"some fields are not valid\","
							+ "\"fields\":{\"file\":\"is larger than the upload limit\"}}");
				return;
			}
			Locale locale = request.getLocale();
			String text = HtmlUtils.htmlEscape(this.messages.getMessage("error.status.413", null, locale));
			response.setContentType("text/html");
			response.getWriter()
				.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + text
						+ "</title></head><body><p id=\"error-message\" role=\"alert\">" + text + "</p></body></html>");
		}
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

}
