package dev.holdfast.shared.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.holdfast.shared.crypto.UnreadableDataException;
import dev.holdfast.shared.crypto.UnreadableDataLog;
import dev.holdfast.shared.AccessDenials;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.TooManyRequestsException;

/**
 * Turns every failure of a REST call into a short JSON answer: 400 with a message per
 * field, 404, 409, 403, 429, and never a stack trace. Ordered first, because the advice
 * of the HTML error pages matches every {@code @Controller}, and a
 * {@code @RestController} is one.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	private static final String UNIQUE_VIOLATION = "23505";

	private final ObjectProvider<AccessDenials> denials;

	private final ObjectProvider<UnreadableDataLog> unreadable;

	ApiErrorHandler(ObjectProvider<AccessDenials> denials, ObjectProvider<UnreadableDataLog> unreadable) {
		this.denials = denials;
		this.unreadable = unreadable;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException ex) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			fields.putIfAbsent(error.getField(), error.getDefaultMessage());
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> fields.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
		return validation(fields);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<Map<String, Object>> invalid(HandlerMethodValidationException ex) {
		Map<String, String> fields = new LinkedHashMap<>();
		ex.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(error -> fields.putIfAbsent(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())));
		return validation(fields);
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidInputException ex) {
		return validation(ex.fields());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = jackson.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			return validation(Map.of(field, "has a value of the wrong type or format"));
		}
		return validation(Map.of("body", "is not valid JSON"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException ex) {
		return validation(Map.of(ex.getName(), "has a value of the wrong type or format"));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException ex) {
		return validation(Map.of(ex.getParameterName(), "is required"));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Map<String, Object>> notFound(NotFoundException ex) {
		return body(HttpStatus.NOT_FOUND, "not_found", "no such record, or you may not see it", Map.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException ex) {
		return body(HttpStatus.NOT_FOUND, "not_found", "no such record, or you may not see it", Map.of());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Map<String, Object>> conflict(ConflictException ex) {
		return body(HttpStatus.CONFLICT, ex.error(), ex.getMessage(), ex.details());
	}

	/**
	 * A unique index refused a row that a concurrent request inserted first: the same
	 * answer as a duplicate found before the insert.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Map<String, Object>> integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
		if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof SQLException sql
				&& UNIQUE_VIOLATION.equals(sql.getSQLState())) {
			return body(HttpStatus.CONFLICT, "duplicate", "a record with that value exists already", Map.of());
		}
		return unexpected(ex, request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Map<String, Object>> stale(OptimisticLockingFailureException ex) {
		return body(HttpStatus.CONFLICT, "stale_version", "the record was changed by someone else; reload it",
				Map.of());
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<Map<String, Object>> forbidden(ForbiddenException ex, HttpServletRequest request) {
		this.denials.ifAvailable(d -> d.record(ex, request.getMethod(), request.getRequestURI()));
		return body(HttpStatus.FORBIDDEN, ex.code(), ex.getMessage(), Map.of("reason", ex.getMessage()));
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<Map<String, Object>> tooMany(TooManyRequestsException ex) {
		ResponseEntity<Map<String, Object>> answer = body(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests",
				ex.getMessage(), Map.of());
		return ex.retryAfterSeconds()
			.map(seconds -> ResponseEntity.status(answer.getStatusCode())
				.header("Retry-After", seconds)
				.body(answer.getBody()))
			.orElse(answer);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException ex) {
		return body(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", ex.getMessage(), Map.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException ex) {
		return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "send application/json", Map.of());
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ResponseEntity<Map<String, Object>> denied(org.springframework.security.access.AccessDeniedException ex) {
		return body(HttpStatus.FORBIDDEN, "forbidden", "you lack the permission for this", Map.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex, HttpServletRequest request) {
		UnreadableDataException unreadable = UnreadableDataException.in(ex);
		if (unreadable != null) {
			// the record is damaged, not the server: a clear answer, and an audit event
			log.error("Stored data failed its integrity check: {}", unreadable.getMessage());
			this.unreadable.ifAvailable(u -> u.record(unreadable, request.getMethod(), request.getRequestURI()));
			return body(HttpStatus.CONFLICT, "unreadable_data",
					"this record failed its integrity check and is not shown; the failure is recorded for the administrators",
					Map.of());
		}
		if (Contention.in(ex)) {
			log.warn("A REST call lost a race for locks and was rolled back: {}", ex.getMessage());
			ResponseEntity<Map<String, Object>> busy = body(HttpStatus.CONFLICT, "busy",
					"others were changing the same records at that moment; nothing was changed, try again", Map.of());
			return ResponseEntity.status(busy.getStatusCode())
				.header("Retry-After", Contention.RETRY_AFTER_SECONDS)
				.body(busy.getBody());
		}
		if (Overload.in(ex)) {
			log.warn("A REST call found no database connection in time: {}", ex.getMessage());
			ResponseEntity<Map<String, Object>> unavailable = body(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
					Overload.MESSAGE, Map.of());
			return ResponseEntity.status(unavailable.getStatusCode())
				.header("Retry-After", Overload.RETRY_AFTER_SECONDS)
				.body(unavailable.getBody());
		}
		log.error("Unexpected error in a REST call", ex);
		return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "something went wrong on our side", Map.of());
	}

	private static ResponseEntity<Map<String, Object>> validation(Map<String, String> fields) {
		return body(HttpStatus.BAD_REQUEST, "validation", "some fields are not valid", Map.of("fields", fields));
	}

	private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error, String message,
			Map<String, Object> extra) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("message", message);
		body.putAll(extra);
		return ResponseEntity.status(status).body(body);
	}

}
