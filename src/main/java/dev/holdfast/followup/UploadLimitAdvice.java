package dev.holdfast.followup;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A request larger than the servlet container's multipart limits fails before any
 * controller is chosen, so no controller-bound advice sees it and Spring would answer 413
 * or 500. It is bad input like any other: 400 with a message for the file field. (The
 * container's limits are set above {@code holdfast.files.max-size}, whose own check
 * normally answers first.)
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		return answer("is larger than the upload limit");
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Map<String, Object>> unreadable(MultipartException ex) {
		return answer("could not be read as a multipart upload");
	}

	private static ResponseEntity<Map<String, Object>> answer(String message) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(Map.of("error", "validation", "message", "some fields are not valid", "fields",
					Map.of("file", message)));
	}

}
