package dev.holdfast.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the UI exists in Chinese and in English, in every bundle. The base file
 * of a bundle is the English text (the one source, also the fallback for any other
 * language); the Chinese file has exactly its keys.
 */
class MessagesTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

	static List<String> bundles() throws IOException {
		try (var in = MessagesTests.class.getResourceAsStream("/application.yml")) {
			String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String line = yaml.lines().filter(l -> l.strip().startsWith("basename:")).findFirst().orElseThrow();
			return List.of(line.substring(line.indexOf(':') + 1).strip().split("\\s*,\\s*"));
		}
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void bothLanguagesHaveTheSameKeys(String bundle) throws IOException {
		Set<String> fallback = keys(bundle + ".properties");
		assertThat(keys(bundle + "_zh_CN.properties")).isEqualTo(fallback);
		assertThat(MessagesTests.class.getResource("/" + bundle + "_en.properties"))
			.as("English lives in the base file")
			.isNull();
	}

	/**
	 * A key given twice in one file keeps only its last text, silently: two audit facts
	 * of one name once showed "values traced" for the values a duplicate check looked up.
	 */
	@ParameterizedTest
	@MethodSource("bundles")
	void noKeyIsGivenTwiceInAFile(String bundle) throws IOException {
		for (String name : List.of(bundle + ".properties", bundle + "_zh_CN.properties")) {
			try (var in = MessagesTests.class.getResourceAsStream("/" + name)) {
				List<String> keys = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
					.map(String::strip)
					.filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"))
					.filter(line -> line.contains("="))
					.map(line -> line.substring(0, line.indexOf('=')).strip())
					.toList();
				Set<String> seen = new TreeSet<>();
				assertThat(keys.stream().filter(key -> !seen.add(key)).toList()).as(name).isEmpty();
			}
		}
	}

	/**
	 * A text with arguments goes through {@link java.text.MessageFormat}, which takes a
	 * single apostrophe for a quote and drops it: the evidence summary once read "each
	 * events hash". Such a text writes it twice.
	 */
	@ParameterizedTest
	@MethodSource("bundles")
	void textsWithArgumentsDoubleTheirApostrophes(String bundle) throws IOException {
		for (String name : List.of(bundle + ".properties", bundle + "_zh_CN.properties")) {
			Properties properties = properties(name);
			List<String> lost = properties.stringPropertyNames()
				.stream()
				.filter(key -> ARGUMENT.matcher(properties.getProperty(key)).find())
				.filter(key -> properties.getProperty(key).replace("''", "").contains("'"))
				.sorted()
				.toList();
			assertThat(lost).as(name).isEmpty();
		}
	}

	private static Set<String> keys(String name) throws IOException {
		return new TreeSet<>(properties(name).stringPropertyNames());
	}

	private static Properties properties(String name) throws IOException {
		Properties properties = new Properties();
		var stream = MessagesTests.class.getResourceAsStream("/" + name);
		assertThat(stream).as(name).isNotNull();
		try (var in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
