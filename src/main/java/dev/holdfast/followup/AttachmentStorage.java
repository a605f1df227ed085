package dev.holdfast.followup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.holdfast.followup.files.FileStore;
import dev.holdfast.shared.crypto.FieldCipher;
import dev.holdfast.shared.crypto.UnreadableDataException;

/**
 * Puts attachment bytes into the file store and takes them out: encrypted with the data
 * key set before they leave the JVM, bound to the attachment's id and object key (a blob
 * moved under another key or row does not decrypt), and checked against the SHA-256 of
 * the plaintext when read. Objects of an upload whose transaction rolls back are removed
 * again, so a refused request leaves nothing behind.
 */
@Component
class AttachmentStorage {

	private final FileStore store;

	private final FieldCipher cipher;

	private final Thumbnails thumbnails;

	AttachmentStorage(FileStore store, FieldCipher cipher, Thumbnails thumbnails) {
		this.store = store;
		this.cipher = cipher;
		this.thumbnails = thumbnails;
	}

	/** Where a file went: its object keys and the digest of its plaintext. */
	record Stored(String objectKey, String thumbnailKey, byte[] sha256) {
	}

	Stored store(long attachmentId, UploadCheck.Checked file) {
		String key = newKey();
		put(key, this.cipher.encryptBytes(file.bytes(), boundTo(attachmentId, key)));
		String thumbnailKey = null;
		byte[] thumbnail = file.type().hasThumbnail() ? this.thumbnails.of(file.bytes()) : null;
		if (thumbnail != null) {
			thumbnailKey = key + "-t";
			put(thumbnailKey, this.cipher.encryptBytes(thumbnail, boundTo(attachmentId, thumbnailKey)));
		}
		return new Stored(key, thumbnailKey, sha256(file.bytes()));
	}

	byte[] open(Attachments.Stored row) {
		byte[] plain = read(row.id(), row.objectKey());
		if (!MessageDigest.isEqual(sha256(plain), row.sha256())) {
			throw new UnreadableDataException("attachment " + row.id(), null);
		}
		return plain;
	}

	byte[] openThumbnail(Attachments.Stored row) {
		return read(row.id(), row.thumbnailKey());
	}

	private byte[] read(long attachmentId, String key) {
		byte[] stored;
		try {
			stored = this.store.get(key);
		}
		catch (IllegalStateException ex) {
			throw new UnreadableDataException("attachment " + attachmentId, ex);
		}
		return this.cipher.decryptBytes(stored, boundTo(attachmentId, key));
	}

	private void put(String key, byte[] bytes) {
		this.store.put(key, bytes);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						AttachmentStorage.this.store.discard(key);
					}
				}
			});
		}
	}

	/** Random and meaningless: never the user's file name. Spread over 256 folders. */
	private static String newKey() {
		String random = UUID.randomUUID().toString();
		return "attachments/" + random.substring(0, 2) + "/" + random;
	}

	private static String boundTo(long attachmentId, String key) {
		return "follow_up_attachment:" + attachmentId + ":" + key;
	}

	static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
