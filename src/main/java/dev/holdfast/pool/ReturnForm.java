package dev.holdfast.pool;

/** Why a customer is returned to the pool, or locked, or unlocked. */
record ReturnForm(String reason) {

	String required() {
		if (this.reason == null || this.reason.isBlank()) {
			throw new dev.holdfast.shared.InvalidInputException("reason", "say why");
		}
		if (this.reason.length() > 500) {
			throw new dev.holdfast.shared.InvalidInputException("reason", "at most 500 characters");
		}
		return this.reason.strip();
	}

}
