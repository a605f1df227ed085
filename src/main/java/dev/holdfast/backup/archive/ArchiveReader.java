package dev.holdfast.backup.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import tools.jackson.core.exc.JacksonIOException;

/**
 * Reads an archive entry by entry, decrypting and authenticating as it goes. A damaged or
 * truncated archive fails with {@link BackupRefusedException}, at the latest at the end:
 * only an archive read to its end without an error is intact.
 */
public final class ArchiveReader implements AutoCloseable {

	/** What the pages say of a damaged archive (the library's reason goes to the log). */
	static final String DAMAGED = "the archive is damaged or truncated; nothing was read from it";

	private final InputStream file;

	private final InputStream decrypted;

	private final ZipInputStream zip;

	private ArchiveReader(InputStream file, InputStream decrypted) {
		this.file = file;
		this.decrypted = decrypted;
		this.zip = new ZipInputStream(decrypted);
	}

	public static ArchiveReader open(Path archive, BackupSecret secret) throws IOException {
		if (!Files.isRegularFile(archive)) {
			throw new BackupRefusedException("no archive at " + archive);
		}
		InputStream file = Files.newInputStream(archive);
		try {
			ArchiveKey key = ArchiveKey.read(file, secret);
			return new ArchiveReader(file, key.decrypting(file));
		}
		catch (RuntimeException | IOException ex) {
			file.close();
			throw ex;
		}
	}

	/** Calls the visitor for each entry in turn, with a stream of that entry alone. */
	public void forEach(EntryVisitor visitor) throws IOException {
		try {
			ZipEntry entry;
			while ((entry = this.zip.getNextEntry()) != null) {
				visitor.visit(entry.getName(), new FilterInputStream(this.zip) {

					@Override
					public void close() {
						// the archive goes on with the next entry
					}

				});
				this.zip.closeEntry();
			}
			// the zip's directory and the stream's last segment, which alone proves that
			// nothing was cut off, are authenticated only once they are read
			this.decrypted.transferTo(OutputStream.nullOutputStream());
		}
		catch (ZipException ex) {
			throw damaged(ex);
		}
		catch (JacksonIOException ex) {
			// the manifest read as JSON across a segment that fails authentication:
			// Jackson
			// hands the stream's IOException on unchecked (CI: an archive cut by 100
			// bytes
			// whose manifest crossed the 1 MB segment boundary answered 500)
			throw damaged(ex);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof BackupRefusedException refused) {
				throw refused;
			}
			throw damaged(ex);
		}
	}

	private static BackupRefusedException damaged(Exception ex) {
		String reason = String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
		return new BackupRefusedException(DAMAGED,
				"the archive is damaged or truncated (" + reason + "); nothing was read from it", ex);
	}

	@Override
	public void close() throws IOException {
		this.file.close();
	}

	/** What to do with one entry. */
	@FunctionalInterface
	public interface EntryVisitor {

		void visit(String name, InputStream content) throws IOException;

	}

}
