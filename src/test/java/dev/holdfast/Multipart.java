package dev.holdfast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Multipart uploads to the REST API, as a phone app or a script sends them: one file part
 * with the file name written as raw UTF-8, which is what browsers do.
 */
public final class Multipart {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public Multipart(int port) {
		this.base = "http://localhost:" + port;
	}

	public Api.Response upload(String token, String path, String field, String fileName, String contentType,
			byte[] bytes) {
		return upload(token, path, java.util.Map.of(), field, fileName, contentType, bytes);
	}

	/** The same with text parts before the file (e.g. a JSON {@code mapping}). */
	public Api.Response upload(String token, String path, java.util.Map<String, String> texts, String field,
			String fileName, String contentType, byte[] bytes) {
		HttpResponse<String> response = send(token, path, texts, field, fileName, contentType, bytes);
		return new Api.Response(response.statusCode(), parse(response.body()), response.body());
	}

	/** The upload's whole answer, headers included (e.g. {@code Retry-After}). */
	public HttpResponse<String> send(String token, String path, java.util.Map<String, String> texts, String field,
			String fileName, String contentType, byte[] bytes) {
		String boundary = "----holdfast" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		texts.forEach((name,
				value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
						+ "\"\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The raw bytes and headers of a GET, e.g. a download. */
	public HttpResponse<byte[]> download(String token, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
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
		JsonMapper json = JsonMapper.builder().build();
		if (raw == null || raw.isBlank()) {
			return json.nullNode();
		}
		try {
			return json.readTree(raw);
		}
		catch (RuntimeException ex) {
			return json.getNodeFactory().stringNode(raw);
		}
	}

}
