package dev.holdfast.followup.files;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachments: the largest file accepted, the thumbnail size, and where the files go. The
 * local folder is used unless an S3 bucket is configured.
 *
 * @param maxSize the largest file accepted; {@code spring.servlet.multipart.*} must allow
 * more, so that this check answers with a clear message
 * @param dir the local folder (default: {@code files} under the data directory)
 * @param thumbnailSize the longest side of an image thumbnail, in pixels
 * @param s3 the S3-compatible store, used when its bucket is set
 */
@ConfigurationProperties("holdfast.files")
public record FileProperties(@DefaultValue("20MB") DataSize maxSize, @DefaultValue("./data/files") Path dir,
		@DefaultValue("240") int thumbnailSize, S3 s3) {

	/**
	 * An S3-compatible object store.
	 *
	 * @param endpoint the service URL (empty for AWS itself)
	 * @param bucket the bucket, which must exist
	 * @param region the region (any value for most S3-compatible servers)
	 * @param accessKey the access key id (empty: the default AWS credential chain)
	 * @param secretKey the secret key
	 * @param pathStyle path-style URLs ({@code endpoint/bucket/key}), as MinIO needs
	 */
	public record S3(String endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey,
			String secretKey, @DefaultValue("false") boolean pathStyle) {

		boolean configured() {
			return this.bucket != null && !this.bucket.isBlank();
		}

	}

}
