package dev.holdfast.shared;

/**
 * The caller may see the record but may not do this to it (403), with a reason the UI can
 * show.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String reason) {
		super(reason);
	}

	/** The machine-readable kind of refusal in the API's {@code error} field. */
	public String code() {
		return "forbidden";
	}

}
