package dev.holdfast.followup;

import java.awt.Color;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.Multipart;
import dev.holdfast.TestData;
import dev.holdfast.followup.files.FileProperties;
import dev.holdfast.followup.files.S3Bucket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application configured with {@code holdfast.files.s3.*} against a real
 * S3-compatible server in this JVM (S3Proxy, in-memory, {@link S3Bucket}, switched on for
 * this class in the shared context): the encrypted file lands in the bucket, not in the
 * local folder, and comes back as it was sent.
 */
@HoldfastIntegrationTest
@ExtendWith(S3Bucket.class)
class S3AttachmentIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileProperties files;

	@Test
	void aPhotoIsStoredEncryptedInTheBucketAndDownloadedAsItWas() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		TestData.Employee rep = data.employee("rep", data.department(TestData.unique("青岛销售部"), null), null, "SALES");
		String token = data.token(rep);
		long customer = api
			.post(token, "/api/v1/customers", Map.of("name", TestData.unique("青岛海鲜贸易"), "kind", "COMPANY"))
			.id();
		long followUp = api
			.post(token, "/api/v1/customers/" + customer + "/follow-ups", Map.of("kind", "VISIT", "content", "看了冷库"))
			.id();
		byte[] photo = SampleFiles.photo(Color.CYAN);
		Multipart multipart = new Multipart(this.port);
		Api.Response added = multipart.upload(token, "/api/v1/follow-ups/" + followUp + "/attachments", "file",
				"冷库.jpg", "image/jpeg", photo);
		assertThat(added.status()).as(added.toString()).isEqualTo(201);

		String key = this.jdbc.sql("select object_key from follow_up_attachment where id = ?")
			.param(added.id())
			.query(String.class)
			.single();
		try (S3Client s3 = client()) {
			byte[] inBucket = s3.getObjectAsBytes(get -> get.bucket(S3Bucket.BUCKET).key(key)).asByteArray();
			assertThat(inBucket).isNotEqualTo(photo).hasSizeGreaterThan(photo.length);
			assertThat(s3.headObject(head -> head.bucket(S3Bucket.BUCKET).key(key + "-t")).contentLength())
				.isPositive();
		}
		assertThat(Files.exists(this.files.dir().resolve(key))).as("not in the local folder").isFalse();
		assertThat(multipart.download(token, "/api/v1/attachments/" + added.id()).body()).isEqualTo(photo);
		assertThat(multipart.download(token, "/api/v1/attachments/" + added.id() + "/thumbnail").statusCode())
			.isEqualTo(200);
	}

	private static S3Client client() {
		return S3Client.builder()
			.endpointOverride(URI.create(S3Bucket.endpoint()))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(S3Bucket.ACCESS_KEY, S3Bucket.SECRET_KEY)))
			.build();
	}

}
