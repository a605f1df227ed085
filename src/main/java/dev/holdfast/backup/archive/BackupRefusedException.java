package dev.holdfast.backup.archive;

/**
 * A backup, verification or restore that cannot go on, with a message for the person who
 * ran it (a wrong passphrase, a damaged archive, a database that is not empty). Its
 * {@link #reason()} is a fixed English sentence for the pages, which translate it (key
 * {@code service.<sentence>}); its message may add the technical detail (the library's
 * own words, a table's name), which only the server log and the command line show.
 */
public class BackupRefusedException extends RuntimeException {

	private final String reason;

	public BackupRefusedException(String message) {
		this(message, message, null);
	}

	public BackupRefusedException(String message, Throwable cause) {
		this(message, message, cause);
	}

	/**
	 * @param reason the sentence the pages show, with no detail in it
	 * @param message the reason with its technical detail
	 */
	public BackupRefusedException(String reason, String message) {
		this(reason, message, null);
	}

	/**
	 * @param reason the sentence the pages show, with no detail in it
	 * @param message the reason with its technical detail
	 * @param cause what the library threw
	 */
	public BackupRefusedException(String reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/** The sentence the pages show, translated, without the technical detail. */
	public String reason() {
		return this.reason;
	}

}
