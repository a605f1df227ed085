package dev.holdfast.provisioning;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;

/**
 * Every failure of a SCIM call as a SCIM error (RFC 7644 §3.12), never a stack trace: 400
 * with a {@code scimType}, 404, 409 {@code uniqueness}, 412, 403.
 */
@ControllerAdvice(assignableTypes = { ScimUsersController.class, ScimDiscoveryController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ScimErrorHandler.class);

	@ExceptionHandler(ScimException.class)
	ResponseEntity<Object> scim(ScimException ex) {
		return ScimErrors.response(ex.status(), ex.scimType(), ex.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Object> notFound(NotFoundException ex) {
		return ScimErrors.response(404, null, "no such resource");
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> invalid(InvalidInputException ex) {
		return ScimErrors.response(400, "invalidValue", ex.fields().toString());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Object> conflict(ConflictException ex) {
		return ScimErrors.response(409, "duplicate".equals(ex.error()) ? "uniqueness" : null, ex.getMessage());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof SQLException sql
				&& "23505".equals(sql.getSQLState())) {
			return ScimErrors.response(409, "uniqueness", "a user with that value exists already");
		}
		return unexpected(ex);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> stale(OptimisticLockingFailureException ex) {
		return ScimErrors.response(412, null, "the user was changed meanwhile; read it again");
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<Object> forbidden(ForbiddenException ex) {
		return ScimErrors.response(403, null, ex.getMessage());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Object> method(HttpRequestMethodNotSupportedException ex) {
		return ScimErrors.response(405, null, ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("Unexpected error in a SCIM call", ex);
		return ScimErrors.response(500, null, "something went wrong on our side");
	}

}
