package dev.holdfast.shared.crypto;

/**
 * A column that holds values encrypted by {@link FieldCipher}. Modules declare theirs as
 * beans, so the re-encryption after a key rotation finds every one of them.
 *
 * @param table the table
 * @param column the bytea column holding the ciphertext
 */
public record EncryptedColumn(String table, String column) {

	/** What the ciphertext is bound to: the table and column it belongs in. */
	public byte[] associatedData() {
		return (this.table + "." + this.column).getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
