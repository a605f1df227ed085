package dev.holdfast.shared.crypto;

/**
 * Stored data failed its integrity check (an encrypted value was altered, or its key is
 * gone). Nothing of it is shown: the request fails closed, and the error handlers have it
 * recorded ({@link UnreadableDataLog}). Carries the column and the ciphertext (never a
 * plaintext), so the record can name the row.
 */
public class UnreadableDataException extends RuntimeException {

	private final transient EncryptedColumn column;

	private final byte[] ciphertext;

	public UnreadableDataException(String what, Throwable cause) {
		this(what, null, null, cause);
	}

	public UnreadableDataException(EncryptedColumn column, byte[] ciphertext, Throwable cause) {
		this(column.table() + "." + column.column(), column, ciphertext, cause);
	}

	private UnreadableDataException(String what, EncryptedColumn column, byte[] ciphertext, Throwable cause) {
		super(what + " could not be decrypted", cause);
		this.column = column;
		this.ciphertext = ciphertext == null ? null : ciphertext.clone();
	}

	/** The column the value was read from, if known. */
	public EncryptedColumn column() {
		return this.column;
	}

	/** The ciphertext that failed, if known: to find its row. */
	public byte[] ciphertext() {
		return this.ciphertext == null ? null : this.ciphertext.clone();
	}

	/**
	 * Whether this is behind the failure, which may reach an error handler wrapped by the
	 * persistence layer.
	 */
	public static boolean isCauseOf(Throwable failure) {
		return in(failure) != null;
	}

	/** This exception behind a failure, or null. */
	public static UnreadableDataException in(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof UnreadableDataException unreadable) {
				return unreadable;
			}
		}
		return null;
	}

}
