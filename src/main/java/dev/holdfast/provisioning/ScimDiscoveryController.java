package dev.holdfast.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.holdfast.shared.PublicRoute;
import dev.holdfast.shared.web.BaseUrl;
import dev.holdfast.shared.FreeOfCustomerData;

/**
 * What the service provider supports (RFC 7644 §4): {@code /ServiceProviderConfig},
 * {@code /ResourceTypes} and {@code /Schemas}, from JSON files under {@code scim/}.
 */
@FreeOfCustomerData
@Controller
@RequestMapping("/scim/v2")
@PublicRoute("identity providers call SCIM with a SCIM token of their own, checked by its filter chain, not as an employee")
class ScimDiscoveryController {

	private final JsonNode config;

	private final JsonNode resourceTypes;

	private final JsonNode schemas;

	private final BaseUrl baseUrl;

	ScimDiscoveryController(ObjectMapper json, ScimProperties properties, BaseUrl baseUrl) {
		this.baseUrl = baseUrl;
		this.config = read(json, "scim/service-provider-config.json");
		((ObjectNode) this.config.get("filter")).put("maxResults", properties.maxResults());
		this.resourceTypes = read(json, "scim/resource-types.json");
		this.schemas = read(json, "scim/schemas.json");
	}

	@GetMapping("/ServiceProviderConfig")
	ResponseEntity<Object> serviceProviderConfig() {
		return answer(located(this.config, "/ServiceProviderConfig"));
	}

	@GetMapping("/ResourceTypes")
	ResponseEntity<Object> resourceTypes() {
		return answer(list(this.resourceTypes, "/ResourceTypes/"));
	}

	@GetMapping("/ResourceTypes/{id}")
	ResponseEntity<Object> resourceType(@PathVariable String id) {
		return answer(one(this.resourceTypes, id, "/ResourceTypes/"));
	}

	@GetMapping("/Schemas")
	ResponseEntity<Object> schemas() {
		return answer(list(this.schemas, "/Schemas/"));
	}

	@GetMapping("/Schemas/{id}")
	ResponseEntity<Object> schema(@PathVariable String id) {
		return answer(one(this.schemas, id, "/Schemas/"));
	}

	/**
	 * Anything else under {@code /scim/v2} (Groups, Bulk, /.search): a SCIM 404 rather
	 * than the web's error page; identity providers read it as "not supported".
	 */
	@RequestMapping("/**")
	ResponseEntity<Object> unsupported() {
		throw new ScimException(404, null,
				"not supported here: only /Users, /ServiceProviderConfig, " + "/ResourceTypes and /Schemas");
	}

	private JsonNode one(JsonNode all, String id, String path) {
		for (JsonNode resource : all) {
			if (resource.get("id").stringValue().equals(id)) {
				return located(resource, path + id);
			}
		}
		throw new ScimException(404, null, "no such resource: " + id);
	}

	private JsonNode list(JsonNode all, String path) {
		ObjectNode list = JsonNodeFactory.instance.objectNode();
		list.putArray("schemas").add(ScimUsersController.LIST_SCHEMA);
		list.put("totalResults", all.size());
		list.put("startIndex", 1);
		list.put("itemsPerPage", all.size());
		var resources = list.putArray("Resources");
		all.forEach(resource -> resources.add(located(resource, path + resource.get("id").stringValue())));
		return list;
	}

	private JsonNode located(JsonNode resource, String path) {
		ObjectNode copy = (ObjectNode) resource.deepCopy();
		((ObjectNode) copy.get("meta")).put("location", ScimUsersController.scimBase(this.baseUrl) + path);
		return copy;
	}

	private static ResponseEntity<Object> answer(JsonNode body) {
		return ResponseEntity.ok().contentType(ScimErrors.SCIM_JSON).body(body);
	}

	private static JsonNode read(ObjectMapper json, String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return json.readTree(in);
		}
		catch (IOException ex) {
			// kept: a bundled resource that cannot be read is a broken build, not a
			// request's
			// error
			throw new UncheckedIOException(ex);
		}
	}

}
