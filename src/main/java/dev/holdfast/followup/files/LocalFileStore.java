package dev.holdfast.followup.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A folder on the local disk (by default {@code files} under the data directory). A file
 * is written under a temporary name and moved into place, so a reader never sees half of
 * it.
 */
class LocalFileStore implements FileStore {

	private final Path root;

	LocalFileStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, byte[] bytes) {
		Path target = resolve(key);
		try {
			Files.createDirectories(target.getParent());
			Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
			Files.write(temporary, bytes);
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not store " + key, ex);
		}
	}

	@Override
	public byte[] get(String key) {
		try {
			return Files.readAllBytes(resolve(key));
		}
		catch (NoSuchFileException ex) {
			throw new IllegalStateException("no stored object " + key, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read " + key, ex);
		}
	}

	@Override
	public void discard(String key) {
		try {
			Files.deleteIfExists(resolve(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not discard " + key, ex);
		}
	}

	@Override
	public boolean exists(String key) {
		return Files.exists(resolve(key));
	}

	private Path resolve(String key) {
		Path path = this.root.resolve(FileStore.requireSafe(key)).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("not an object key: " + key);
		}
		return path;
	}

}
