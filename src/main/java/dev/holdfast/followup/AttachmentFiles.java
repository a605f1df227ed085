package dev.holdfast.followup;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.holdfast.followup.files.FileStore;

/**
 * The attachment store's files for backup and restore: the object keys of every
 * attachment and thumbnail, their stored (encrypted) bytes, and putting them back. Not
 * for showing files to people: that is {@link FollowUpAttachments}, with its visibility
 * and audit.
 */
@Service
public class AttachmentFiles {

	private final JdbcClient jdbc;

	private final FileStore store;

	AttachmentFiles(JdbcClient jdbc, FileStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/** The keys of every stored file (attachments and thumbnails), oldest first. */
	public List<String> storedKeys() {
		return this.jdbc.sql("select object_key, thumbnail_key from follow_up_attachment order by id")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.stream()
			.flatMap(Arrays::stream)
			.filter(key -> key != null)
			.toList();
	}

	/**
	 * Whether the files live in an S3 bucket, which a backup lists rather than copies.
	 */
	public boolean inObjectStore() {
		return this.store.objectStore();
	}

	/** The stored bytes (already encrypted with the data key set). */
	public byte[] read(String key) {
		return this.store.get(key);
	}

	/**
	 * Puts a file back under its key; a file already there must be the same.
	 * @throws IllegalStateException when another file is stored under the key
	 */
	public void restore(String key, byte[] bytes) {
		if (this.store.exists(key)) {
			if (!Arrays.equals(this.store.get(key), bytes)) {
				throw new IllegalStateException("another file is already stored under " + key);
			}
			return;
		}
		this.store.put(key, bytes);
	}

}
