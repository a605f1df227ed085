package dev.holdfast.followup.files;

import java.net.URI;

import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import org.springframework.context.ApplicationContext;

import dev.holdfast.ContextSwitch;

/**
 * Attachments stored in an S3 bucket for the tests of one class, on one real
 * S3-compatible server (S3Proxy, in memory) per test JVM, started when the first class
 * asks for it: the shared context's file store becomes the one
 * {@code holdfast.files.s3.*} pointing at it would give, and the local folder again after
 * the class.
 */
public class S3Bucket extends ContextSwitch {

	/** The bucket. */
	public static final String BUCKET = "holdfast-attachments";

	/** The access key id. */
	public static final String ACCESS_KEY = "holdfast-access";

	/** The secret key. */
	public static final String SECRET_KEY = "holdfast-secret";

	/** The server's URL, starting it on first use. */
	public static String endpoint() {
		return "http://127.0.0.1:" + Holder.SERVER.getPort();
	}

	@Override
	protected Runnable apply(ApplicationContext context) {
		FileProperties.S3 s3 = new FileProperties.S3(endpoint(), BUCKET, "us-east-1", ACCESS_KEY, SECRET_KEY, true);
		return replace(context, context.getBean(FileStore.class),
				new S3FileStore(FileStoreConfiguration.client(s3), BUCKET));
	}

	private static final class Holder {

		private static final S3Proxy SERVER = start();

		private static S3Proxy start() {
			try {
				TransientNio2BlobStore backend = new TransientNio2BlobStore();
				backend.createContainer(BUCKET);
				S3Proxy proxy = S3Proxy.builder()
					.blobStore(backend)
					.endpoint(URI.create("http://127.0.0.1:0"))
					.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
					.build();
				proxy.start();
				Runtime.getRuntime().addShutdownHook(new Thread(S3Bucket::stop, "s3proxy-stop"));
				return proxy;
			}
			catch (Exception ex) {
				throw new IllegalStateException("S3Proxy did not start", ex);
			}
		}

	}

	private static void stop() {
		try {
			Holder.SERVER.stop();
		}
		catch (Exception ex) {
			// the JVM is exiting anyway
		}
	}

}
