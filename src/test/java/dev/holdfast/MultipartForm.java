package dev.holdfast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A multipart form as a browser without script submits it: the text fields (the CSRF
 * token among them, in the body) and files, with the cookies of a {@link WebSession}.
 */
public final class MultipartForm {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final Map<String, String> fields = new LinkedHashMap<>();

	private final Map<String, byte[]> files = new LinkedHashMap<>();

	private String fileField = "files";

	public MultipartForm(int port) {
		this.port = port;
	}

	public MultipartForm field(String name, String value) {
		this.fields.put(name, value);
		return this;
	}

	public MultipartForm file(String field, String fileName, byte[] content) {
		this.fileField = field;
		this.files.put(fileName, content);
		return this;
	}

	/** The {@code action} of the form with this id in a page, as the browser reads it. */
	public static String action(String page, String formId) {
		Matcher form = Pattern.compile("<form[^>]*id=\"" + formId + "\"[^>]*>").matcher(page);
		if (!form.find()) {
			throw new AssertionError("no form " + formId);
		}
		Matcher action = Pattern.compile("\\saction=\"([^\"]*)\"").matcher(form.group());
		if (!action.find()) {
			throw new AssertionError("form " + formId + " has no action");
		}
		return action.group(1).replace("&amp;", "&");
	}

	public HttpResponse<String> post(WebSession session, String path) {
		String boundary = "----holdfast" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		this.fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		this.files.forEach((fileName, content) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + this.fileField
					+ "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		String cookies = session.cookies()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining("; "));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("User-Agent", "holdfast-tests-browser")
			.header("Cookie", cookies)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
