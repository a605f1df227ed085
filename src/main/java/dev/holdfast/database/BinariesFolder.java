package dev.holdfast.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The folder the PostgreSQL binaries are unpacked into ({@code <data dir>/pg-binaries}):
 * the library leaves it writable by everyone, without the sticky bit, so any local user
 * could put other binaries in place for the next start (found by the insider-attack
 * helper). Only its owner may write to it, before the server starts and after.
 */
final class BinariesFolder {

	private BinariesFolder() {
	}

	static void ownerOnlyWrites(Path folder) throws IOException {
		if (!Files.isDirectory(folder) || Files.getFileAttributeView(folder, PosixFileAttributeView.class) == null) {
			return;
		}
		Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(folder));
		if (permissions.removeAll(Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE))) {
			Files.setPosixFilePermissions(folder, permissions);
		}
	}

}
