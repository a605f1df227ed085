package dev.holdfast.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's handler for {@code /**} is off ({@code spring.web.resources.static-locations:
 * []}): a folder or file added under {@code static/} is served only if
 * {@link StaticFolders} names its folder.
 */
class StaticFoldersTests {

	private static final Path STATIC = Path.of("src/main/resources/static");

	@Test
	void everyFolderUnderStaticIsServedAndNoFileLiesOutsideOne() throws IOException {
		try (Stream<Path> entries = Files.list(STATIC)) {
			List<Path> all = entries.toList();
			assertThat(all.stream().filter(p -> !Files.isDirectory(p))).as("files directly under static/").isEmpty();
			assertThat(all.stream().map(p -> p.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(StaticFolders.FOLDERS);
		}
	}

}
