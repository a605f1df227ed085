package dev.holdfast.followup.files;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The S3 file store against a real S3-compatible server (S3Proxy with its in-memory back
 * end, in this JVM), signed requests and all, configured the way
 * {@code holdfast.files.s3.*} configures it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3FileStoreTests {

	private static final String BUCKET = "holdfast-files";

	private S3Proxy server;

	private S3Client client;

	private FileStore store;

	@BeforeAll
	void start() throws Exception {
		TransientNio2BlobStore backend = new TransientNio2BlobStore();
		backend.createContainer(BUCKET);
		this.server = S3Proxy.builder()
			.blobStore(backend)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "holdfast-access", "holdfast-secret")
			.build();
		this.server.start();
		this.client = FileStoreConfiguration.client(new FileProperties.S3("http://127.0.0.1:" + this.server.getPort(),
				BUCKET, "us-east-1", "holdfast-access", "holdfast-secret", true));
		this.store = new S3FileStore(this.client, BUCKET);
	}

	@AfterAll
	void stop() throws Exception {
		this.client.close();
		this.server.stop();
	}

	@Test
	void storesReadsAndDiscardsObjects() {
		byte[] bytes = "加密后的字节 \u0000\u00ff".getBytes(StandardCharsets.UTF_8);
		this.store.put("attachments/ab/ab12-34", bytes);
		assertThat(this.store.exists("attachments/ab/ab12-34")).isTrue();
		assertThat(this.store.get("attachments/ab/ab12-34")).isEqualTo(bytes);
		this.store.discard("attachments/ab/ab12-34");
		assertThat(this.store.exists("attachments/ab/ab12-34")).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> this.store.get("attachments/ab/ab12-34"));
	}

	@Test
	void aLargeObjectSurvivesTheRoundTrip() {
		byte[] bytes = new byte[5 * 1024 * 1024 + 17];
		new java.util.Random(7).nextBytes(bytes);
		this.store.put("attachments/cd/large", bytes);
		assertThat(this.store.get("attachments/cd/large")).isEqualTo(bytes);
	}

	@Test
	void keysThatAreNotOursAreRefusedBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.put("../other-bucket/x", new byte[1]));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.get("Attachments/UPPER"));
	}

}
