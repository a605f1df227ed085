package dev.holdfast.backup.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an archive as a stream: a zip of entries inside the encrypted stream, each entry
 * written as it comes (a table straight from {@code COPY}), so nothing is held whole in
 * memory. The manifest is the last entry.
 */
public final class ArchiveWriter implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final ZipOutputStream zip;

	public ArchiveWriter(OutputStream file, ArchiveKey key) throws IOException {
		this.zip = new ZipOutputStream(key.encrypting(file));
		this.zip.setLevel(Deflater.BEST_SPEED);
	}

	/** Starts an entry; the stream ends it when closed, and leaves the archive open. */
	public OutputStream entry(String name) throws IOException {
		this.zip.putNextEntry(new ZipEntry(name));
		return new FilterOutputStream(this.zip) {

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				ArchiveWriter.this.zip.write(bytes, offset, length);
			}

			@Override
			public void close() throws IOException {
				ArchiveWriter.this.zip.closeEntry();
			}

		};
	}

	public void entry(String name, byte[] bytes) throws IOException {
		try (OutputStream out = entry(name)) {
			out.write(bytes);
		}
	}

	public void manifest(Manifest manifest) throws IOException {
		entry(Manifest.ENTRY, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
	}

	@Override
	public void close() throws IOException {
		this.zip.close();
	}

}
