package dev.holdfast.customer.masking;

import dev.holdfast.shared.TooManyRequestsException;

/**
 * Today's reveal quota is used up (429, {@code remaining} 0).
 */
public class RevealQuotaExceededException extends TooManyRequestsException {

	RevealQuotaExceededException() {
		super("the daily reveal quota is used up; it renews at midnight");
	}

}
