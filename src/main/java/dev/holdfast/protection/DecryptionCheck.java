package dev.holdfast.protection;

import java.util.List;

/**
 * Whether every encrypted value of a database decrypts with the key sets: the values
 * checked and the columns (with a row id) that did not decrypt.
 */
public record DecryptionCheck(long values, List<String> unreadable) {

	public boolean ok() {
		return this.unreadable.isEmpty();
	}

}
