package dev.holdfast.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSP ({@code script-src 'self'}, no {@code 'unsafe-inline'}, no
 * {@code 'unsafe-eval'}) blocks every script a template writes into the page: an
 * event-handler attribute ({@code onchange=}, also as {@code th:onclick}), htmx's
 * {@code hx-on} (evaluated as code), a {@code javascript:} URL and a {@code <script>}
 * element without {@code src}. A page that needs behaviour loads a file from
 * {@code static/js}. Data blocks ({@code type="application/json"}) are not scripts.
 */
class InlineScriptTemplatesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern TAG = Pattern
		.compile("<([a-zA-Z][\\w:-]*)((?:\\s+[^\\s=>/\"']+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?)*)\\s*/?>");

	private static final Pattern ATTRIBUTE = Pattern
		.compile("([^\\s=>/\"']+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+)))?");

	private static final Pattern HANDLER = Pattern.compile("(?i)(?:th:|data-th-)?on[a-z]+|hx-on.*|data-hx-on.*");

	private static final Pattern DATA_BLOCK = Pattern.compile("(?i)application/(?:ld\\+)?json|text/template");

	@Test
	void noTemplateWritesScriptTheContentSecurityPolicyBlocks() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			files.filter((file) -> file.toString().endsWith(".html"))
				.sorted()
				.forEach((file) -> inlineScripts(read(file))
					.forEach((script) -> found.add(TEMPLATES.relativize(file) + ": " + script)));
		}
		assertThat(found).as("inline scripts, which the CSP blocks: move them to a file under static/js").isEmpty();
	}

	@Test
	void findsEveryKindOfInlineScript() {
		assertThat(inlineScripts("""
				<select class="form-select" name="d" onchange="this.form.submit()">
				<button th:onclick="|go(${id})|" th:if="${a > b}">Go</button>
				<a href="javascript:void(0)">x</a><form hx-on::after-request="reset()"></form>
				<script>alert(1)</script>
				""")).containsExactly("<select onchange=", "<button th:onclick=", "<a href=javascript:",
				"<form hx-on::after-request=", "<script> without src");
		assertThat(inlineScripts("""
				<script th:src="@{/js/key-accounts.js}" defer></script>
				<script type="application/json" id="data">{}</script>
				<button class="btn" data-confirm="online=yes" th:text="#{once}">Once</button>
				<p>Click on="this" to see</p>
				""")).isEmpty();
	}

	/** What in this template the CSP would block, one short description each. */
	static List<String> inlineScripts(String template) {
		List<String> found = new ArrayList<>();
		Matcher tag = TAG.matcher(template);
		while (tag.find()) {
			String name = tag.group(1).toLowerCase();
			boolean source = false;
			boolean data = false;
			Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
			while (attribute.find()) {
				String key = attribute.group(1).toLowerCase();
				String value = value(attribute);
				if (HANDLER.matcher(key).matches()) {
					found.add("<" + name + " " + key + "=");
				}
				else if (value.strip().toLowerCase().startsWith("javascript:")) {
					found.add("<" + name + " " + key + "=javascript:");
				}
				source |= key.equals("src") || key.equals("th:src") || key.equals("data-th-src");
				data |= key.equals("type") && DATA_BLOCK.matcher(value).matches();
			}
			if (name.equals("script") && !source && !data) {
				found.add("<script> without src");
			}
		}
		return found;
	}

	private static String value(Matcher attribute) {
		for (int group = 2; group <= 4; group++) {
			if (attribute.group(group) != null) {
				return attribute.group(group);
			}
		}
		return "";
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
