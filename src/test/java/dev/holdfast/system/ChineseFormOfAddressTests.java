package dev.holdfast.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chinese UI addresses people one way: 您, never 你, in every bundle and template.
 */
class ChineseFormOfAddressTests {

	@Test
	void theChineseTextsSay您() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
			List<String> informal = files
				.filter(f -> f.toString().endsWith("_zh_CN.properties") || f.toString().endsWith(".html"))
				.filter(ChineseFormOfAddressTests::informal)
				.map(Path::toString)
				.toList();
			assertThat(informal).isEmpty();
		}
	}

	private static boolean informal(Path file) {
		try {
			return Files.readString(file).contains("你");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
