package dev.holdfast.shared.crypto;

/**
 * Encryption at rest of sensitive fields (contact phone, e-mail, WeChat, addresses) and
 * their keyed blind index. Values are encrypted with an authenticated cipher bound to the
 * column they are stored in, so a ciphertext copied into another column does not decrypt.
 * The blind index is a keyed hash of the normalised value: equal values give equal
 * indexes, so exact search and the duplicate check work without the plaintext.
 */
public interface FieldCipher {

	/**
	 * The ciphertext of a value for the given column; {@code null} stays {@code null}.
	 */
	byte[] encrypt(String plaintext, EncryptedColumn column);

	/**
	 * The plaintext of a ciphertext read from the given column; {@code null} stays
	 * {@code null}.
	 * @throws UnreadableDataException when the ciphertext was altered, belongs to another
	 * column or was made with a key that is no longer in the key set
	 */
	String decrypt(byte[] ciphertext, EncryptedColumn column);

	/**
	 * The blind index of an already normalised value, separate per kind of value (phone,
	 * email) so equal strings of different kinds do not match.
	 */
	byte[] blindIndex(String kind, String normalizedValue);

	/**
	 * The ciphertext of a whole file (an attachment, its thumbnail), bound to what it
	 * belongs to: {@code associatedData} names the record and object key, so a blob
	 * copied under another key or record does not decrypt. Same key set as the fields, so
	 * key rotation applies.
	 */
	byte[] encryptBytes(byte[] plain, String associatedData);

	/**
	 * The plaintext of {@link #encryptBytes}.
	 * @throws UnreadableDataException when the blob was altered, moved or made with a key
	 * that is no longer in the key set
	 */
	byte[] decryptBytes(byte[] ciphertext, String associatedData);

}
