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
 * Thymeleaf includes a fragment ({@code th:replace}, {@code th:insert}) before it looks
 * at a condition ({@code th:if}, {@code th:unless}) on the same element, so such a
 * condition does not hold the fragment back: a customer's history once answered 500 for
 * every customer not imported, its fragment reading a value that was not there. The
 * condition goes on an enclosing {@code th:block}.
 */
class TemplateConditionsTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^<>]*>");

	private static final Pattern INCLUSION = Pattern.compile("\\s(?:th|data-th):(?:replace|insert|include)\\s*=");

	private static final Pattern CONDITION = Pattern.compile("\\s(?:th|data-th):(?:if|unless)\\s*=");

	@Test
	void noConditionSitsOnTheElementAFragmentReplaces() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			files.filter((file) -> file.toString().endsWith(".html"))
				.sorted()
				.forEach((file) -> conditionedInclusions(read(file))
					.forEach((tag) -> found.add(TEMPLATES.relativize(file) + ": " + tag)));
		}
		assertThat(found).as("put the condition on an enclosing th:block").isEmpty();
	}

	@Test
	void findsAConditionBesideAnInclusionInEitherOrder() {
		assertThat(conditionedInclusions("""
				<li th:if="${a != null}" th:replace="~{x :: entry}"></li>
				<div th:insert="~{y :: z}"
				     th:unless="${b}"></div>
				<th:block th:if="${a != null}"><li th:replace="~{x :: entry}"></li></th:block>
				<p th:if="${c}" th:text="${c}">c</p>
				""")).hasSize(2);
	}

	static List<String> conditionedInclusions(String template) {
		List<String> found = new ArrayList<>();
		Matcher tag = TAG.matcher(template);
		while (tag.find()) {
			String text = tag.group();
			if (INCLUSION.matcher(text).find() && CONDITION.matcher(text).find()) {
				found.add(text.replaceAll("\\s+", " "));
			}
		}
		return found;
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
