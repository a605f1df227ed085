package dev.holdfast;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI as a browser tab sees it, without a browser: keeps cookies between requests,
 * never follows redirects, and logs in through the form with its CSRF token.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\"\\s+content=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final int port;

	public WebSession(int port) {
		this.port = port;
	}

	/** The cookies this tab holds, by name; tests may plant one, as an attacker would. */
	public Map<String, String> cookies() {
		return this.cookies;
	}

	/** The CSRF token of a page: from a form field, or from the layout's meta tag. */
	public static String csrfToken(HttpResponse<String> page) {
		Matcher field = CSRF.matcher(page.body());
		if (field.find()) {
			return field.group(1);
		}
		Matcher meta = CSRF_META.matcher(page.body());
		assertThat(meta.find()).as("a CSRF token in %s", page.body()).isTrue();
		return meta.group(1);
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	/** A GET with extra headers as name, value pairs (htmx sends {@code HX-Request}). */
	public HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = request(path);
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.GET());
	}

	public HttpResponse<String> post(String path, Map<String, String> form) {
		return post(path, form, new String[0]);
	}

	/** A form POST with extra headers as name, value pairs. */
	public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded");
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> postJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> logIn(String username, String password) {
		String csrf = csrfToken(get("/login"));
		return post("/login", Map.of("username", username, "password", password, "_csrf", csrf));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("User-Agent", "holdfast-tests-browser");
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map(e -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining("; ")));
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String cookie : response.headers().allValues("Set-Cookie")) {
				String pair = cookie.split(";", 2)[0];
				String[] nameValue = pair.split("=", 2);
				if (nameValue[1].isEmpty()) {
					this.cookies.remove(nameValue[0]);
				}
				else {
					this.cookies.put(nameValue[0], nameValue[1]);
				}
			}
			return response;
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
