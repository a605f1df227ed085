package dev.holdfast.provisioning;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An identity provider's HTTP calls to {@code /scim/v2}: bodies sent as raw JSON text,
 * exactly as Okta and Entra send them, with {@code application/scim+json}.
 */
final class Scim {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final String token;

	Scim(int port, String token) {
		this.port = port;
		this.token = token;
	}

	/** The same client with another bearer token (null: none). */
	Scim as(String otherToken) {
		return new Scim(this.port, otherToken);
	}

	record Reply(int status, JsonNode body, String contentType, String etag, String location, String raw) {

		String text(String field) {
			JsonNode node = this.body.get(field);
			return node == null || node.isNull() ? null : node.asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.raw;
		}

	}

	Reply get(String path) {
		return send("GET", path, null);
	}

	Reply send(String method, String path, String body) {
		return send(method, path, body, null);
	}

	/** With an {@code If-Match} header (null: none). */
	Reply send(String method, String path, String body, String ifMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/scim+json")
			.header("User-Agent", "Okta SCIM Client 1.0.0")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			// as Entra ID sends it, without a charset: JSON is UTF-8 (RFC 8259)
			request.header("Content-Type", "application/scim+json");
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String raw = response.body();
			JsonNode parsed = raw == null || raw.isBlank() ? json.nullNode() : parse(raw);
			return new Reply(response.statusCode(), parsed, response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Location").orElse(null), raw);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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
