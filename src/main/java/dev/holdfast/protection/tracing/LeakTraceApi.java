package dev.holdfast.protection.tracing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * {@code POST /api/v1/leak-trace} with a suspect file (multipart part {@code file}, CSV
 * or XLSX) or pasted text ({@code text/plain}, or JSON {@code {"text"}}) → the exports
 * and employees it came from.
 */
@RestController
class LeakTraceApi {

	private final LeakTrace trace;

	LeakTraceApi(LeakTrace trace) {
		this.trace = trace;
	}

	@PostMapping(path = "/api/v1/leak-trace", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RequiresPermission(Permission.LEAK_TRACE)
	LeakTraceReport file(@RequestPart("file") MultipartFile file) throws IOException {
		return this.trace.trace(file.getBytes());
	}

	@PostMapping(path = "/api/v1/leak-trace", consumes = MediaType.TEXT_PLAIN_VALUE)
	@RequiresPermission(Permission.LEAK_TRACE)
	LeakTraceReport text(@RequestBody String text) {
		return this.trace.trace(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Pasted text in JSON, {@code {"text"}}, for clients that only send JSON. */
	record PastedText(String text) {
	}

	@PostMapping(path = "/api/v1/leak-trace", consumes = MediaType.APPLICATION_JSON_VALUE)
	@RequiresPermission(Permission.LEAK_TRACE)
	LeakTraceReport json(@RequestBody PastedText pasted) {
		return text(pasted.text() == null ? "" : pasted.text());
	}

}
