package dev.holdfast.shared;

/**
 * A record does not exist, or the caller may not see it: the two are answered alike
 * (404).
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}

}
