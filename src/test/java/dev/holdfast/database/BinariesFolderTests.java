package dev.holdfast.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insider-attack helper found {@code data/pg-binaries} writable by every local user
 * (mode 0777, no sticky bit): anyone could swap the binaries the next start runs.
 */
class BinariesFolderTests {

	@TempDir
	Path dir;

	@Test
	void onlyTheOwnerMayWriteToTheBinariesFolder() throws IOException {
		Path binaries = Files.createDirectory(this.dir.resolve("pg-binaries"));
		Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxrwxrwx"));

		BinariesFolder.ownerOnlyWrites(binaries);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries))).isEqualTo("rwxr-xr-x");
	}

	@Test
	void aMissingFolderIsLeftForTheLibraryToMake() throws IOException {
		BinariesFolder.ownerOnlyWrites(this.dir.resolve("not-yet"));
		assertThat(this.dir.resolve("not-yet")).doesNotExist();
	}

}
