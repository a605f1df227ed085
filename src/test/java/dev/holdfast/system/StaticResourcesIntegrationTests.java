package dev.holdfast.system;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout links its style sheets and scripts (the application's own and the webjars')
 * under a hash of their content, and they are served to be kept for a year: a browser
 * loads Bootstrap and htmx once, not with every page, and a changed file has a new
 * address. The pages themselves are never stored.
 */
@HoldfastIntegrationTest
class StaticResourcesIntegrationTests {

	private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"(/(?:js|css|webjars)/[^\"?]+)\"");

	private static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.(?:js|css)");

	@LocalServerPort
	int port;

	@Test
	void styleSheetsAndScriptsAreLinkedByTheirContentAndKeptForAYear() {
		WebSession web = new WebSession(this.port);
		web.logIn("admin", TestData.ADMIN_PASSWORD);
		HttpResponse<String> page = web.get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).as("a page is never stored").contains("no-store"));

		List<String> linked = new ArrayList<>();
		Matcher matcher = LINKED.matcher(page.body());
		while (matcher.find()) {
			linked.add(matcher.group(1));
		}
		assertThat(linked).as("the layout's style sheets and scripts")
			.anyMatch((path) -> path.startsWith("/js/app-"))
			.anyMatch((path) -> path.startsWith("/css/app-"))
			.anyMatch((path) -> path.startsWith("/webjars/bootstrap/") && path.contains("/css/bootstrap.min-"))
			.anyMatch((path) -> path.startsWith("/webjars/htmx.org/"))
			.allMatch((path) -> HASHED.matcher(path).matches());
		for (String path : linked) {
			HttpResponse<String> file = web.get(path);
			assertThat(file.statusCode()).as(path).isEqualTo(200);
			assertThat(file.headers().firstValue("Cache-Control")).as(path).hasValue("max-age=31536000");
		}
	}

}
