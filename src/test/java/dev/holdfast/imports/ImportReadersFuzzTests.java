package dev.holdfast.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the three readers (issue 13, item 5). In a normal build ({@code ./mvnw verify})
 * each method runs on its committed corpus in
 * {@code src/test/resources/dev/holdfast/imports/ImportReadersFuzzTestsInputs/<method>};
 * with {@code JAZZER_FUZZ=1} one method is fuzzed for its {@code maxDuration} (see
 * docs/testing.md). Any exception but the reader's own refusal, a hang or a runaway
 * allocation fails.
 */
class ImportReadersFuzzTests {

	@FuzzTest(maxDuration = "2m")
	void csv(byte[] content) throws IOException {
		readAll(content, ImportFormat.CSV);
	}

	@FuzzTest(maxDuration = "2m")
	void xlsx(byte[] content) throws IOException {
		readAll(content, ImportFormat.XLSX);
	}

	@FuzzTest(maxDuration = "2m")
	void vcard(byte[] content) throws IOException {
		readAll(content, ImportFormat.VCARD);
	}

	private static void readAll(byte[] content, ImportFormat format) throws IOException {
		Path file = Files.createTempFile("fuzz", "." + format.name().toLowerCase());
		try {
			Files.write(file, content);
			FuzzBounds.run(() -> {
				try (ImportTable table = ImportReaders.open(file, format, FuzzBounds.LIMITS)) {
					table.header();
					while (table.next().isPresent()) {
						table.skipped();
					}
					ColumnMappings.automatic(table.header());
				}
				catch (ImportRefusedException ex) {
					// the one refusal a reader may answer with
				}
				return null;
			});
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
