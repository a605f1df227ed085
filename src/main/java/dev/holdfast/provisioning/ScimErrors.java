package dev.holdfast.provisioning;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SCIM error bodies, for controllers and for the security filter chain alike.
 */
final class ScimErrors {

	static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

	static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json;charset=UTF-8");

	private static final JsonMapper json = JsonMapper.builder().build();

	private ScimErrors() {
	}

	static Map<String, Object> body(int status, String scimType, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schemas", List.of(ERROR_SCHEMA));
		body.put("status", String.valueOf(status));
		if (scimType != null) {
			body.put("scimType", scimType);
		}
		body.put("detail", detail);
		return body;
	}

	static ResponseEntity<Object> response(int status, String scimType, String detail) {
		return ResponseEntity.status(status).contentType(SCIM_JSON).body(body(status, scimType, detail));
	}

	/** Writes an error outside Spring MVC, e.g. a missing token. */
	static void write(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(SCIM_JSON.toString());
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"scim\"");
		}
		response.getWriter().write(json.writeValueAsString(body(status, null, detail)));
	}

}
