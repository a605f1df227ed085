package dev.holdfast.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

import dev.holdfast.backup.archive.ArchiveCheck;
import dev.holdfast.backup.archive.ArchiveKey;
import dev.holdfast.backup.archive.ArchiveWriter;
import dev.holdfast.backup.archive.BackupRefusedException;
import dev.holdfast.backup.archive.BackupSecret;
import dev.holdfast.backup.archive.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exit codes of {@code backup --verify} and of {@code restore --from} before it
 * touches any database: 0 only for an intact archive whose manifest matches its content.
 */
class BackupCommandTests {

	private static final BackupSecret SECRET = BackupSecret.passphrase("客户永不丢失-passphrase");

	private static final byte[] ROWS = "1\t深圳市星河贸易有限公司\n2\t杭州西湖茶叶有限公司\n".getBytes(StandardCharsets.UTF_8);

	private static final byte[] FILE = "encrypted attachment bytes".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dir;

	@Test
	void anIntactArchiveVerifies() throws IOException {
		assertThat(verify(archive(2, sha(FILE)))).isZero();
	}

	@Test
	void aWrongPassphraseATruncatedOrAlteredArchiveFails() throws IOException {
		Path intact = archive(2, sha(FILE));
		assertThat(BackupCommand.run(new String[] { "backup", "--verify", intact.toString() }, Object.class,
				BackupSecret.passphrase("wrong")))
			.isEqualTo(1);
		assertThat(BackupCommand.run(new String[] { "backup", "--verify", intact.toString() }, Object.class,
				BackupSecret.passphrase(null)))
			.isEqualTo(1);
		byte[] whole = Files.readAllBytes(intact);
		Path cut = Files.write(this.dir.resolve("cut.hfbak"), Arrays.copyOf(whole, whole.length - 1));
		assertThat(verify(cut)).isEqualTo(1);
		byte[] altered = whole.clone();
		altered[whole.length - 30] ^= 1;
		assertThat(verify(Files.write(this.dir.resolve("altered.hfbak"), altered))).isEqualTo(1);
		// a restore stops at the verification, before any database is started
		assertThat(BackupCommand.run(new String[] { "restore", "--from", cut.toString() }, Object.class, SECRET))
			.isEqualTo(1);
	}

	@Test
	void aManifestThatDisagreesWithTheContentFails() throws IOException {
		assertThat(verify(archive(3, sha(FILE)))).isEqualTo(1);
		assertThat(verify(archive(2, sha("other".getBytes(StandardCharsets.UTF_8))))).isEqualTo(1);
	}

	@Test
	void aBackupKeySetFileEncryptsInsteadOfThePassphrase() throws Exception {
		StreamingAeadConfig.register();
		Path keyset = this.dir.resolve("backup-keyset.json");
		Files.writeString(keyset,
				TinkJsonProtoKeysetFormat.serializeKeyset(
						KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB),
						InsecureSecretKeyAccess.get()));
		BackupSecret withKeyset = new BackupSecret("客户永不丢失-passphrase", keyset);
		Path archive = archive(withKeyset, 2, sha(FILE));
		assertThat(ArchiveCheck.verify(archive, withKeyset).manifest().rows()).isEqualTo(2);
		assertThatThrownBy(() -> ArchiveCheck.verify(archive, SECRET)).isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("HOLDFAST_BACKUP_KEYSET");
		Path other = this.dir.resolve("other-keyset.json");
		Files.writeString(other,
				TinkJsonProtoKeysetFormat.serializeKeyset(
						KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB),
						InsecureSecretKeyAccess.get()));
		assertThat(BackupCommand.run(new String[] { "backup", "--verify", archive.toString() }, Object.class,
				new BackupSecret(null, other)))
			.isEqualTo(1);
	}

	@Test
	void theApplicationACommandStartsRunsNoScheduledJobAndNoWebServer() {
		assertThat(BackupCommand.COMMAND_ARGUMENTS).contains("--holdfast.scheduling.enabled=false");
		assertThat(BackupCommand.commandApplication(Object.class).application().getWebApplicationType())
			.isEqualTo(WebApplicationType.NONE);
	}

	@Test
	void anUnknownCommandShowsTheUsage() {
		assertThat(BackupCommand.handles(new String[] { "--server.port=9090" })).isFalse();
		assertThat(BackupCommand.run(new String[] { "backup", "--from", "x" }, Object.class, SECRET)).isEqualTo(2);
	}

	private static int verify(Path archive) {
		return BackupCommand.run(new String[] { "backup", "--verify", archive.toString() }, Object.class, SECRET);
	}

	private Path archive(long manifestRows, String fileSha) throws IOException {
		return archive(SECRET, manifestRows, fileSha);
	}

	private Path archive(BackupSecret secret, long manifestRows, String fileSha) throws IOException {
		Path file = Files.createTempFile(this.dir, "archive", ".hfbak");
		try (OutputStream out = Files.newOutputStream(file);
				ArchiveWriter archive = new ArchiveWriter(out, ArchiveKey.create(secret, 1000))) {
			archive.entry(Manifest.TABLES + "customer", ROWS);
			archive.entry(Manifest.KEYS + "data", "{}".getBytes(StandardCharsets.UTF_8));
			archive.entry(Manifest.FILES + "2026/12/a1", FILE);
			archive.manifest(new Manifest(1, "40", "test", "2026-12-07T00:00:00Z",
					List.of(new Manifest.Table("customer", List.of("id", "name"), manifestRows)), List.of(),
					new Manifest.AuditHead(1, "0".repeat(64)), List.of("data"), "local",
					List.of(new Manifest.StoredFile("2026/12/a1", FILE.length, fileSha, true))));
		}
		return file;
	}

	private static String sha(byte[] bytes) {
		return HexFormat.of().formatHex(ArchiveCheck.sha256().digest(bytes));
	}

}
