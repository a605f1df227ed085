package dev.holdfast.shared.web;

import java.net.URI;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address users reach Holdfast at ({@code holdfast.base-url}, by default
 * {@code http://localhost:<server.port>}). Every absolute link and redirect is built from
 * it, never from the request's {@code Host} header, which the client chooses:
 * {@link BaseUrlFilter} makes every request look as if it came to this address.
 */
@Component
public class BaseUrl {

	private final Environment environment;

	private volatile URI resolved;

	BaseUrl(Environment environment) {
		this.environment = environment;
	}

	/** The address without a trailing slash, e.g. {@code https://crm.example.com}. */
	public String value() {
		String uri = uri().toString();
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

	/** An absolute URL for a path of the application, e.g. {@code /customers/7}. */
	public String of(String path) {
		return value() + (path.startsWith("/") ? path : "/" + path);
	}

	public URI uri() {
		URI uri = this.resolved;
		if (uri == null) {
			uri = resolve();
		}
		return uri;
	}

	private URI resolve() {
		String configured = this.environment.getProperty("holdfast.base-url", "");
		String port = this.environment.getProperty("local.server.port");
		boolean portKnown = port != null;
		if (configured.isBlank()) {
			configured = "http://localhost:" + (portKnown ? port : this.environment.getProperty("server.port", "8080"));
		}
		URI uri = URI.create(configured.strip());
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw new IllegalStateException("holdfast.base-url must be an absolute http(s) URL, not " + configured);
		}
		if (uri.getPort() == 0) {
			// server.port=0 picks a free port: the one the server got is the address
			uri = URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + (portKnown ? port : "0")
					+ (uri.getRawPath() == null ? "" : uri.getRawPath()));
		}
		if (uri.getPort() != 0) {
			this.resolved = uri;
		}
		return uri;
	}

}
