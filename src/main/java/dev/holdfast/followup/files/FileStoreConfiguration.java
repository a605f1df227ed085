package dev.holdfast.followup.files;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the file store: the S3-compatible bucket when {@code holdfast.files.s3.bucket} is
 * set, else the local folder.
 */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FileStoreConfiguration.class);

	@Bean
	FileStore fileStore(FileProperties properties) {
		FileProperties.S3 s3 = properties.s3();
		if (s3 != null && s3.configured()) {
			log.info("Attachments are stored in the S3 bucket {}", s3.bucket());
			return new S3FileStore(client(s3), s3.bucket());
		}
		log.info("Attachments are stored in {}", properties.dir().toAbsolutePath());
		return new LocalFileStore(properties.dir());
	}

	/**
	 * A client for the configured store; also used by tests against a local S3 server.
	 */
	static S3Client client(FileProperties.S3 s3) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(s3.region()))
			.forcePathStyle(s3.pathStyle())
			// S3-compatible servers (MinIO, Ceph, OSS) do not all take the newer trailing
			// checksums
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.credentialsProvider((s3.accessKey() == null || s3.accessKey().isBlank())
					? DefaultCredentialsProvider.builder().build()
					: StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
		if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(s3.endpoint()));
		}
		return builder.build();
	}

}
