package dev.holdfast.shared;

/**
 * The caller may see the record but may not do this to it (403), with a reason the UI can
 * show.
 */
public class ForbiddenException extends RuntimeException {

	private final String messageKey;

	public ForbiddenException(String reason) {
		this(reason, null);
	}

	/**
	 * A refusal whose page says why in the reader's words: {@code messageKey} names the
	 * message the web UI shows in place of the general one.
	 */
	public ForbiddenException(String reason, String messageKey) {
		super(reason);
		this.messageKey = messageKey;
	}

	/** The key of the page's message, or null for the general one. */
	public String messageKey() {
		return this.messageKey;
	}

	/** The machine-readable kind of refusal in the API's {@code error} field. */
	public String code() {
		return "forbidden";
	}

}
