package dev.holdfast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration tests share one application context (issue 12, item 6): a test class of
 * the whole application that brings its own properties, mock beans or
 * {@code @DirtiesContext} starts another application, minutes on a busy machine. Such a
 * class switches the shared context instead ({@link ContextSwitch}). Only the classes
 * that need a database of their own are listed here, and the benchmarks, which run on
 * their own. Web slices ({@code @WebMvcTest}) are small contexts of their own and not
 * concerned.
 */
class OneTestContextTests {

	private static final Path TESTS = Path.of("src/test/java/dev/holdfast");

	private static final List<String> STARTS_A_CONTEXT = List.of("@TestPropertySource", "@DynamicPropertySource",
			"@DirtiesContext", "@MockitoBean", "@MockitoSpyBean", "@SpringBootTest", "@ContextConfiguration",
			"@Import(", "@ActiveProfiles", "@TestConfiguration");

	/** Each needs a database of its own; the reason is in each class's comment. */
	private static final List<String> OWN_DATABASE = List.of("ExternalDatabaseIntegrationTests.java",
			"demo/DemoCompanyIntegrationTests.java", "system/FirstLoginBrowserIntegrationTests.java");

	@Test
	void noIntegrationTestStartsAContextOfItsOwnUnlessItNeedsItsOwnDatabase() throws IOException {
		Map<String, String> offenders = new TreeMap<>();
		try (Stream<Path> files = Files.walk(TESTS)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String name = TESTS.relativize(file).toString().replace('\\', '/');
				if (name.startsWith("bench/") || name.equals("HoldfastIntegrationTest.java")
						|| name.equals("OneTestContextTests.java") || OWN_DATABASE.contains(name)) {
					continue;
				}
				String source = Files.readString(file);
				if (!source.contains("@HoldfastIntegrationTest") && !source.contains("@SpringBootTest")) {
					continue;
				}
				STARTS_A_CONTEXT.stream()
					.filter(source::contains)
					.findFirst()
					.ifPresent((annotation) -> offenders.put(name, annotation));
			}
		}
		assertThat(offenders).as("switch the shared context instead (ContextSwitch)").isEmpty();
	}

	@Test
	void theClassesWithADatabaseOfTheirOwnStillExist() {
		assertThat(OWN_DATABASE).allSatisfy((name) -> assertThat(TESTS.resolve(name)).exists());
	}

}
