package dev.holdfast.imports.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.holdfast.imports.Imports;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.GuardedAction;

/**
 * An upload the route's permission refuses (an employee without {@code customer.import},
 * or one serving notice) never reaches the service, which records every other refusal of
 * an upload: this records it as {@code IMPORT_REFUSED} with the file's name and the
 * refusal's code, beside the {@code ACCESS_DENIED} every refused request leaves. It runs
 * before the route's check and asks what the service would ask first
 * ({@link GuardedAction#IMPORT}); it refuses nothing itself: the route's check that
 * follows does.
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
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(Upload.class)) {
					try {
						GuardedAction.IMPORT.require();
					}
					catch (ForbiddenException refused) {
						UploadRefusalAudit.this.imports.getObject().refusedUpload(fileName(request), refused);
					}
				}
				return true;
			}

		}).order(Ordered.HIGHEST_PRECEDENCE);
	}

	private static String fileName(HttpServletRequest request) {
		if (request instanceof MultipartHttpServletRequest multipart) {
			MultipartFile file = multipart.getFile("file");
			return file == null ? "" : Uploads.fileName(file);
		}
		return "";
	}

}
