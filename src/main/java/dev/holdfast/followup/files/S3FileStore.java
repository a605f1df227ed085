package dev.holdfast.followup.files;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * An S3-compatible bucket (AWS S3, MinIO, Ceph, OSS or COS in S3 mode): what several
 * instances behind a load balancer share.
 */
class S3FileStore implements FileStore {

	private final S3Client s3;

	private final String bucket;

	S3FileStore(S3Client s3, String bucket) {
		this.s3 = s3;
		this.bucket = bucket;
	}

	@Override
	public void put(String key, byte[] bytes) {
		this.s3.putObject(
				put -> put.bucket(this.bucket).key(FileStore.requireSafe(key)).contentType("application/octet-stream"),
				RequestBody.fromBytes(bytes));
	}

	@Override
	public byte[] get(String key) {
		try {
			return this.s3.getObjectAsBytes(get -> get.bucket(this.bucket).key(FileStore.requireSafe(key)))
				.asByteArray();
		}
		catch (NoSuchKeyException ex) {
			throw new IllegalStateException("no stored object " + key, ex);
		}
	}

	@Override
	public void discard(String key) {
		this.s3.deleteObject(delete -> delete.bucket(this.bucket).key(FileStore.requireSafe(key)));
	}

	@Override
	public boolean objectStore() {
		return true;
	}

	@Override
	public boolean exists(String key) {
		try {
			this.s3.headObject(head -> head.bucket(this.bucket).key(FileStore.requireSafe(key)));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
	}

}
