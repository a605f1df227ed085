package dev.holdfast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The application's Java sources as text, for the tests that hold a rule over all of them
 * (one owner writer, one visibility rule, one clock): path below {@code dev/holdfast}
 * with {@code /} separators ({@code "customer/Ownership.java"}) → content.
 */
public final class MainSources {

	public static final Path MAIN = Path.of("src/main/java/dev/holdfast");

	private MainSources() {
	}

	public static SortedMap<String, String> java() {
		SortedMap<String, String> sources = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				sources.put(MAIN.relativize(file).toString().replace('\\', '/'), Files.readString(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sources;
	}

}
