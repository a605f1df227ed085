package dev.holdfast.followup.files;

/**
 * Where the (already encrypted) bytes of attachments live, outside the database: a local
 * folder by default, an S3-compatible bucket when one is configured. Keys are made by the
 * caller from random values, never from what a user typed.
 */
public interface FileStore {

	/** Stores the bytes under a new key. */
	void put(String key, byte[] bytes);

	/**
	 * The bytes stored under the key.
	 * @throws IllegalStateException when nothing is stored there
	 */
	byte[] get(String key);

	/**
	 * Removes an object whose database row was never committed (a failed upload). Users
	 * never delete attachments.
	 */
	void discard(String key);

	/** Whether an object is stored under the key. */
	boolean exists(String key);

	/**
	 * Whether the files live in an object store of their own (S3), which backs itself up:
	 * a backup then lists them instead of copying them.
	 */
	default boolean objectStore() {
		return false;
	}

	/** Object keys: lower-case letters, digits, dashes and slashes between them. */
	static String requireSafe(String key) {
		if (key == null || !key.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
			throw new IllegalArgumentException("not an object key: " + key);
		}
		return key;
	}

}
