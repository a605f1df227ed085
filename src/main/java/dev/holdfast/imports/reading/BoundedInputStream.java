package dev.holdfast.imports.reading;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import dev.holdfast.imports.ImportRefusedException;

/**
 * Refuses a part of a compressed file that inflates beyond the limit, whatever its header
 * claims.
 */
final class BoundedInputStream extends FilterInputStream {

	private final long limit;

	private long read;

	BoundedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b != -1) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(int n) {
		this.read += n;
		if (this.read > this.limit) {
			throw new ImportRefusedException("inflates to more than " + this.limit + " bytes");
		}
	}

}
