package dev.holdfast.backup;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.holdfast.HoldfastApplication;
import dev.holdfast.backup.archive.BackupSecret;
import dev.holdfast.backup.archive.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holdfast restored from an archive into a new data directory and serving it (issue 13's
 * round trip), started in the test JVM beside the test's own context, as a second
 * application with its own embedded PostgreSQL. It does what {@code restore --from} does
 * ({@link BackupCommand#loadDatabase}, then Holdfast started on the restored database for
 * the restore's end: migrating forward, files back, every value decrypted, audited), with
 * one difference: the application the restore starts for its end is started with its web
 * server on a free port and keeps serving, so the test logs in to the very instance the
 * restore completed in. One application start for restore and log-in.
 * <p>
 * Its settings come as command-line arguments, which win over the test JVM's system
 * properties (the test database's folder). It used to be a child JVM on the test class
 * path: the same two starts, plus loading and compiling every class again (issue 12, item
 * 6: about twice the time).
 */
public final class RestoredHoldfast {

	private final ConfigurableApplicationContext context;

	private final int port;

	private RestoredHoldfast(ConfigurableApplicationContext context, int port) {
		this.context = context;
		this.port = port;
	}

	/**
	 * Restores {@code archive} into {@code dataDir} (empty) and returns once the restored
	 * Holdfast serves, or fails when a value does not decrypt.
	 */
	public static RestoredHoldfast start(Path archive, Path dataDir, String passphrase) throws Exception {
		int port = freePort();
		String[] settings = { "--server.port=" + port, "--holdfast.embedded-postgres.data-dir=" + dataDir,
				"--holdfast.embedded-postgres.reset-on-start=false", "--holdfast.backup.passphrase=" + passphrase,
				"--holdfast.protection.export.warm-up=false",
				// as the restore command's instance: no scheduled job writes rows while
				// the
				// test compares the counts with the archive's
				"--holdfast.scheduling.enabled=false" };
		BackupSecret secret = BackupSecret.passphrase(passphrase);
		Manifest manifest = BackupCommand.loadDatabase(archive, secret, settings);
		ConfigurableApplicationContext context = SpringApplication.run(HoldfastApplication.class, settings);
		try {
			assertThat(BackupCommand.completeRestore(context, archive, secret, manifest))
				.as("every encrypted value of the restored database decrypts")
				.isTrue();
		}
		catch (RuntimeException | Error ex) {
			context.close();
			throw ex;
		}
		return new RestoredHoldfast(context, port);
	}

	public int port() {
		return this.port;
	}

	/** Stops the restored Holdfast and its database. */
	public void stop() {
		this.context.close();
	}

	/** A photo of a warehouse door: a gradient, so no two pixels repeat. */
	public static byte[] photo() throws IOException {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 40; x++) {
			for (int y = 0; y < 30; y++) {
				image.setRGB(x, y, (x * 6 << 16) | (y * 8 << 8) | 0x40);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
