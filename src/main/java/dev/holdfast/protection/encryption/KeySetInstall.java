package dev.holdfast.protection.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.holdfast.protection.KeySetCopy;

/**
 * Puts the key sets of a backup back where a configuration reads them, for a restore
 * before the application starts (so its data keys find the restored files, not new ones).
 */
public final class KeySetInstall {

	private KeySetInstall() {
	}

	public static void check(Environment environment, List<KeySetCopy> copies) {
		ProtectionProperties properties = properties(environment);
		for (KeySetCopy copy : copies) {
			String given = "data".equals(copy.name()) ? properties.keyset() : properties.indexKeyset();
			if (given != null && !given.isBlank()) {
				if (!same(given, copy)) {
					throw new IllegalStateException("the " + copy.name() + " key set given through the environment "
							+ "differs from the archive's; give the archive's key set or none");
				}
				continue;
			}
			Path file = file(properties, copy);
			if (Files.exists(file) && !same(read(file), copy)) {
				throw new IllegalStateException("a different " + copy.name() + " key set is already at " + file
						+ "; restore into an empty data directory");
			}
		}
	}

	public static void install(Environment environment, List<KeySetCopy> copies) {
		check(environment, copies);
		ProtectionProperties properties = properties(environment);
		for (KeySetCopy copy : copies) {
			String given = "data".equals(copy.name()) ? properties.keyset() : properties.indexKeyset();
			Path file = file(properties, copy);
			if ((given == null || given.isBlank()) && !Files.exists(file)) {
				KeysetFiles.write(file, KeysetFiles.parse(new String(copy.json(), StandardCharsets.UTF_8)));
			}
		}
	}

	private static ProtectionProperties properties(Environment environment) {
		return Binder.get(environment).bindOrCreate("holdfast.protection", ProtectionProperties.class);
	}

	private static Path file(ProtectionProperties properties, KeySetCopy copy) {
		return switch (copy.name()) {
			case "data" -> properties.keysetFile();
			case "index" -> properties.indexKeysetFile();
			default -> throw new IllegalStateException("unknown key set " + copy.name());
		};
	}

	private static boolean same(String json, KeySetCopy copy) {
		return KeysetFiles.parse(json).equalsKeyset(KeysetFiles.parse(new String(copy.json(), StandardCharsets.UTF_8)));
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the key set " + file, ex);
		}
	}

}
