package dev.holdfast.provisioning;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.holdfast.shared.PublicRoute;
import dev.holdfast.shared.web.BaseUrl;

import dev.holdfast.shared.FreeOfCustomerData;

/**
 * {@code /scim/v2/Users} (RFC 7644 §3). A plain {@code @Controller}, so that its errors
 * are SCIM errors ({@link ScimErrorHandler}) and not the API's; bodies are read as text
 * and parsed here, so that malformed JSON is a SCIM {@code invalidSyntax} too.
 */
@FreeOfCustomerData
@Controller
@RequestMapping("/scim/v2/Users")
@PublicRoute("identity providers call SCIM with a SCIM token of their own, checked by its filter chain, not as an employee")
class ScimUsersController {

	static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

	private final ScimUsers users;

	private final ObjectMapper json;

	private final ScimProperties properties;

	private final BaseUrl baseUrl;

	ScimUsersController(ScimUsers users, ObjectMapper json, ScimProperties properties, BaseUrl baseUrl) {
		this.baseUrl = baseUrl;
		this.users = users;
		this.json = json;
		this.properties = properties;
	}

	@PostMapping
	ResponseEntity<Object> create(@RequestBody(required = false) String body) {
		ScimUser user = this.users.create(parse(body));
		return ResponseEntity.created(URI.create(baseUrl() + "/Users/" + user.id()))
			.eTag(user.version())
			.contentType(ScimErrors.SCIM_JSON)
			.body(user.resource(baseUrl()));
	}

	@GetMapping("/{id}")
	ResponseEntity<Object> get(@PathVariable String id) {
		return answer(this.users.get(id));
	}

	@GetMapping
	ResponseEntity<Object> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String startIndex, @RequestParam(required = false) String count) {
		int start = Math.max(1, number(startIndex, 1, "startIndex"));
		int size = Math.max(0,
				Math.min(number(count, this.properties.maxResults(), "count"), this.properties.maxResults()));
		ScimUsers.Found found = this.users.list(filter, start, size);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schemas", List.of(LIST_SCHEMA));
		body.put("totalResults", found.total());
		body.put("startIndex", found.startIndex());
		body.put("itemsPerPage", found.users().size());
		body.put("Resources", found.users().stream().map(u -> u.resource(baseUrl())).toList());
		return ResponseEntity.ok().contentType(ScimErrors.SCIM_JSON).body(body);
	}

	@PutMapping("/{id}")
	ResponseEntity<Object> replace(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody(required = false) String body) {
		return answer(this.users.replace(id, ifMatch, parse(body)));
	}

	@PatchMapping("/{id}")
	ResponseEntity<Object> patch(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody(required = false) String body) {
		return answer(this.users.patch(id, ifMatch, parse(body)));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.users.delete(id);
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<Object> answer(ScimUser user) {
		return ResponseEntity.ok()
			.eTag(user.version())
			.contentType(ScimErrors.SCIM_JSON)
			.body(user.resource(baseUrl()));
	}

	private JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			throw ScimException.invalidSyntax("the request needs a JSON body");
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			// kept: SCIM (RFC 7644) mandates its own error body, scimType invalidSyntax
			throw ScimException.invalidSyntax("the body is not valid JSON");
		}
	}

	private static int number(String value, int absent, String name) {
		if (value == null || value.isBlank()) {
			return absent;
		}
		if (!value.strip().matches("-?\\d{1,9}")) {
			throw ScimException.invalidValue(name + " must be an integer");
		}
		return Integer.parseInt(value.strip());
	}

	private String baseUrl() {
		return scimBase(this.baseUrl);
	}

	/** Locations are built from the configured address, never from the Host header. */
	static String scimBase(BaseUrl baseUrl) {
		return baseUrl.of("/scim/v2");
	}

}
