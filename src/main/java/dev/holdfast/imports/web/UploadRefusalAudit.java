package dev.holdfast.imports.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.holdfast.imports.Imports;
import dev.holdfast.shared.ForbiddenException;

/**
 * An upload the route's permission refuses (an employee without {@code customer.import},
 * or one serving notice) never reaches the service, which records every other refusal of
 * an upload: this records it as {@code IMPORT_REFUSED} with the file's name and the
 * refusal's code, beside the {@code ACCESS_DENIED} every refused request leaves. It runs
 * before the route's check and looks, once the request is answered, at the refusal the
 * error handling kept; it refuses nothing itself.
 */
@Configuration(proxyBeanMethods = false)
class UploadRefusalAudit implements WebMvcConfigurer {

	/** On the handlers that take an upload for a preview. */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Upload {

	}

	private final ObjectProvider<Imports> imports;

	UploadRefusalAudit(ObjectProvider<Imports> imports) {
		this.imports = imports;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					Exception ex) {
				if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(Upload.class)) {
					return;
				}
				Object refusal = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
				if (refusal == null) {
					refusal = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
				}
				if (refusal instanceof ForbiddenException forbidden && !reachedService(request)) {
					UploadRefusalAudit.this.imports.getObject().refusedUpload(fileName(request), forbidden);
				}
			}

		}).order(Ordered.HIGHEST_PRECEDENCE);
	}

	/** Whether the handler ran (the service then recorded its own refusal). */
	private static boolean reachedService(HttpServletRequest request) {
		return request.getAttribute(Uploads.REACHED) != null;
	}

	private static String fileName(HttpServletRequest request) {
		if (request instanceof MultipartHttpServletRequest multipart) {
			MultipartFile file = multipart.getFile("file");
			return file == null ? "" : Uploads.fileName(file);
		}
		return "";
	}

}
