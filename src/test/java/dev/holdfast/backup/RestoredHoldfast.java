package dev.holdfast.backup;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.holdfast.HoldfastApplication;
import dev.holdfast.backup.archive.BackupSecret;
import dev.holdfast.backup.archive.Manifest;
import dev.holdfast.database.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Holdfast restored from an archive into a new data directory and serving it, in a child
 * JVM on the test classpath (issue 13's round trip). {@link #main} does what
 * {@code restore --from} does, with one difference: the application the restore starts
 * for its end (migrating forward, files back, every value decrypted, audited) is started
 * with its web server on the given port and keeps serving, so the test logs in to the
 * very instance the restore completed in. One application start for restore and log-in.
 */
public final class RestoredHoldfast {

	static final String COMPLETE = "ROUND-TRIP: restore complete";

	static final String FAILED = "ROUND-TRIP: restore failed";

	private final ChildJvm child;

	private final int port;

	private RestoredHoldfast(ChildJvm child, int port) {
		this.child = child;
		this.port = port;
	}

	/**
	 * In the child: {@code args[0]} is the archive; settings come as system properties.
	 */
	public static void main(String[] args) throws Exception {
		Path archive = Path.of(args[0]);
		BackupSecret secret = BackupSecret.passphrase(System.getProperty("holdfast.backup.passphrase"));
		Manifest manifest = BackupCommand.loadDatabase(archive, secret, new String[0]);
		ConfigurableApplicationContext context = SpringApplication.run(HoldfastApplication.class);
		System.out.println(BackupCommand.completeRestore(context, archive, secret, manifest) ? COMPLETE : FAILED);
	}

	/**
	 * Restores {@code archive} into {@code dataDir} (empty) in a child JVM and returns
	 * once the restored Holdfast serves, or fails with the child's last output.
	 */
	public static RestoredHoldfast start(Path archive, Path dataDir, String passphrase) throws IOException {
		int port = freePort();
		AtomicReference<String> outcome = new AtomicReference<>();
		ChildJvm child = ChildJvm.start(List.of("-Xmx384m", "-Duser.timezone=UTC", "-Dserver.port=" + port,
				"-Dholdfast.embedded-postgres.data-dir=" + dataDir, "-Dholdfast.embedded-postgres.reset-on-start=false",
				"-Dholdfast.backup.passphrase=" + passphrase, "-Dholdfast.protection.export.warm-up=false",
				// as the restore command's instance: no scheduled job writes rows while
				// the
				// test compares the counts with the archive's
				"-Dholdfast.scheduling.enabled=false"), RestoredHoldfast.class.getName(), List.of(archive.toString()),
				(line) -> {
					if (line.equals(COMPLETE) || line.equals(FAILED) || line.startsWith("restore FAILED")) {
						outcome.compareAndSet(null, line);
					}
				});
		await("Holdfast restored and started on port " + port).atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !child.isAlive() || outcome.get() != null);
		assertThat(outcome.get()).as("the restore's outcome; the child's last output:%n%s", child.lastOutput())
			.isEqualTo(COMPLETE);
		return new RestoredHoldfast(child, port);
	}

	public int port() {
		return this.port;
	}

	/** What the child printed last, for a failure's message. */
	public String lastOutput() {
		return this.child.lastOutput();
	}

	public void stop() throws InterruptedException {
		this.child.stop();
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
