package dev.holdfast.shared;

/**
 * Stored data failed its integrity check (an encrypted value was altered, or its key is
 * gone). Nothing of it is shown: the request fails closed.
 */
public class UnreadableDataException extends RuntimeException {

	public UnreadableDataException(String what, Throwable cause) {
		super(what + " could not be decrypted", cause);
	}

	/**
	 * Whether this is behind the failure, which may reach an error handler wrapped by the
	 * persistence layer.
	 */
	public static boolean isCauseOf(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof UnreadableDataException) {
				return true;
			}
		}
		return false;
	}

}
