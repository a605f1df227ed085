package dev.holdfast.followup;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

/**
 * A file as it arrived: the name the client gave it, its size as announced, and a way to
 * read its bytes (read only once the size has been checked).
 */
record Upload(String fileName, long size, Source bytes) {

	/** Reads the bytes of an upload. */
	interface Source {

		byte[] read() throws IOException;

	}

	static Upload of(MultipartFile file) {
		return new Upload(file.getOriginalFilename(), file.getSize(), file::getBytes);
	}

	static Upload of(String fileName, byte[] bytes) {
		return new Upload(fileName, bytes.length, () -> bytes);
	}

	byte[] read() {
		try {
			return this.bytes.read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the upload", ex);
		}
	}

}
