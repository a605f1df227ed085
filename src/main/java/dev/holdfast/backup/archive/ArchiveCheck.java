package dev.holdfast.backup.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies a whole archive without touching any database: the authenticated decryption of
 * every byte, the row count of each table's data against the manifest, and the size and
 * SHA-256 of each file.
 */
public final class ArchiveCheck {

	/** What the pages say of an archive that differs from its manifest. */
	static final String MISMATCH = "the archive does not match its manifest";

	private ArchiveCheck() {
	}

	/**
	 * @return the manifest and the key sets of an intact archive
	 * @throws BackupRefusedException naming the first problem found
	 */
	public static VerifiedArchive verify(Path archive, BackupSecret secret) throws IOException {
		Map<String, Long> rows = new LinkedHashMap<>();
		Map<String, Manifest.StoredFile> files = new LinkedHashMap<>();
		Map<String, byte[]> keySets = new LinkedHashMap<>();
		Manifest[] manifest = new Manifest[1];
		try (ArchiveReader reader = ArchiveReader.open(archive, secret)) {
			reader.forEach((name, content) -> {
				if (name.startsWith(Manifest.TABLES)) {
					rows.put(name.substring(Manifest.TABLES.length()), countLines(content));
				}
				else if (name.startsWith(Manifest.FILES)) {
					String key = name.substring(Manifest.FILES.length());
					files.put(key, hash(key, content));
				}
				else if (name.startsWith(Manifest.KEYS)) {
					keySets.put(name.substring(Manifest.KEYS.length()), content.readNBytes(1 << 20));
				}
				else if (name.equals(Manifest.ENTRY)) {
					manifest[0] = ArchiveWriter.JSON.readValue(content, Manifest.class);
				}
			});
		}
		if (manifest[0] == null) {
			throw new BackupRefusedException("the archive has no manifest: it is incomplete");
		}
		compare(manifest[0], rows, files, keySets.keySet());
		return new VerifiedArchive(manifest[0], keySets);
	}

	private static void compare(Manifest manifest, Map<String, Long> rows, Map<String, Manifest.StoredFile> files,
			java.util.Set<String> keySets) {
		for (Manifest.Table table : manifest.tables()) {
			Long found = rows.remove(table.name());
			if (found == null || found != table.rows()) {
				throw new BackupRefusedException(MISMATCH, "table " + table.name() + ": the manifest says "
						+ table.rows() + " rows, the archive holds " + (found == null ? "none" : found));
			}
		}
		if (!rows.isEmpty()) {
			throw new BackupRefusedException(MISMATCH,
					"the archive holds tables its manifest does not list: " + rows.keySet());
		}
		for (Manifest.StoredFile file : manifest.files()) {
			Manifest.StoredFile found = files.remove(file.key());
			if (file.included() && (found == null || found.size() != file.size()
					|| !Objects.equals(found.sha256(), file.sha256()))) {
				throw new BackupRefusedException(MISMATCH,
						"file " + file.key() + " is missing or differs from the manifest");
			}
		}
		if (!files.isEmpty()) {
			throw new BackupRefusedException(MISMATCH,
					"the archive holds files its manifest does not list: " + files.keySet());
		}
		if (!keySets.containsAll(manifest.keySets())) {
			throw new BackupRefusedException(MISMATCH,
					"the archive lacks key sets its manifest lists: " + manifest.keySets());
		}
	}

	/**
	 * Rows of {@code COPY} text: one line each (line breaks inside values are escaped).
	 */
	static long countLines(InputStream content) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long lines = 0;
		int read;
		while ((read = content.read(buffer)) != -1) {
			for (int i = 0; i < read; i++) {
				if (buffer[i] == '\n') {
					lines++;
				}
			}
		}
		return lines;
	}

	static Manifest.StoredFile hash(String key, InputStream content) throws IOException {
		MessageDigest sha = sha256();
		long size;
		try (DigestInputStream digest = new DigestInputStream(content, sha)) {
			size = digest.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return new Manifest.StoredFile(key, size, HexFormat.of().formatHex(sha.digest()), true);
	}

	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
