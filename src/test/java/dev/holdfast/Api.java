package dev.holdfast;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the REST API as an outside caller sees it: real requests, real
 * tokens, real JSON.
 */
public final class Api {

	private static final ObjectMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public record Response(int status, JsonNode body, String raw) {

		public long id() {
			return this.body.get("id").asLong();
		}

		public String text(String field) {
			JsonNode node = this.body.get(field);
			return node == null || node.isNull() ? null : node.asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.raw;
		}

	}

	/** A token for the user, failing the test when the login does not succeed. */
	public String login(String username, String password) {
		Response response = post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
		if (response.status() != 200) {
			throw new AssertionError("login of " + username + " failed: " + response);
		}
		return response.text("token");
	}

	public Response get(String token, String path) {
		return send(token, "GET", path, null);
	}

	public Response post(String token, String path, Object body) {
		return send(token, "POST", path, body);
	}

	public Response put(String token, String path, Object body) {
		return send(token, "PUT", path, body);
	}

	public Response patch(String token, String path, Object body) {
		return send(token, "PATCH", path, body);
	}

	public Response delete(String token, String path) {
		return send(token, "DELETE", path, null);
	}

	/** Sends a body as it is, e.g. malformed JSON. */
	public Response sendRaw(String token, String method, String path, String rawBody) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("User-Agent", "holdfast-tests")
			.method(method, HttpRequest.BodyPublishers.ofString(rawBody == null ? "" : rawBody));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String raw = response.body();
			JsonNode body = raw == null || raw.isBlank() ? json.nullNode() : parse(raw);
			return new Response(response.statusCode(), body, raw);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Response send(String token, String method, String path, Object body) {
		return sendRaw(token, method, path, body == null ? null : json.writeValueAsString(body));
	}

	private static JsonNode parse(String raw) {
		try {
			return json.readTree(raw);
		}
		catch (RuntimeException ex) {
			return json.getNodeFactory().stringNode(raw);
		}
	}

}
