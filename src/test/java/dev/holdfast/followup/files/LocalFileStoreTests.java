package dev.holdfast.followup.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The local file store keeps objects under its folder and nowhere else.
 */
class LocalFileStoreTests {

	@TempDir
	Path root;

	@Test
	void objectsLiveUnderTheRootUnderTheirKey() throws IOException {
		FileStore store = new LocalFileStore(this.root);
		store.put("attachments/0f/0f1e-2d", new byte[] { 1, 2, 3 });
		assertThat(Files.readAllBytes(this.root.resolve("attachments/0f/0f1e-2d"))).containsExactly(1, 2, 3);
		assertThat(store.get("attachments/0f/0f1e-2d")).containsExactly(1, 2, 3);
		try (var files = Files.list(this.root.resolve("attachments/0f"))) {
			assertThat(files).as("no temporary file is left behind").hasSize(1);
		}
		store.discard("attachments/0f/0f1e-2d");
		assertThat(store.exists("attachments/0f/0f1e-2d")).isFalse();
	}

	@Test
	void keysCannotLeaveTheRoot() {
		FileStore store = new LocalFileStore(this.root);
		assertThatIllegalArgumentException().isThrownBy(() -> store.put("../escape", new byte[1]));
		assertThatIllegalArgumentException().isThrownBy(() -> store.put("/etc/passwd", new byte[1]));
		assertThatIllegalArgumentException().isThrownBy(() -> store.get("a/../../b"));
	}

}
