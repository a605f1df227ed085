package dev.holdfast.followup;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.Multipart;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two smaller holes of issue 10 around follow-up files. A photo kept the GPS position the
 * phone wrote into it, for everyone who later downloads it; and in the public pool a
 * returned customer's files still named their uploader, the previous owner, although the
 * timeline hides the author.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiderAttackFilesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private Multipart multipart;

	private TestData data;

	private Employee owner;

	private Employee colleague;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.multipart = new Multipart(this.port);
		this.data = new TestData(this.api);
		long region = this.data.department("华东区", null);
		long team = this.data.department("杭州销售组", region);
		Employee manager = this.data.employee("mgr", region, null, "SALES_MANAGER");
		this.owner = this.data.employee("rep", team, manager.id(), "SALES");
		this.colleague = this.data.employee("rep", team, manager.id(), "SALES");
		Api.Response pool = this.api.post(this.data.adminToken(), "/api/v1/pools",
				Map.of("name", TestData.unique("华东公海"), "departmentId", region));
		assertThat(pool.status()).as(pool.toString()).isEqualTo(201);
	}

	@Test
	void aStoredPhotoHasNoGpsPositionButKeepsItsOrientationAndItsDigestIsOfTheStoredBytes() throws Exception {
		String token = this.data.token(this.owner);
		long customer = customer(token);
		long followUp = followUp(token, customer, "拍了门头照片");
		byte[] photo = GeotaggedPhotos.jpeg();
		assertThat(GeotaggedPhotos.hasGps(photo)).isTrue();

		Api.Response added = this.multipart.upload(token, "/api/v1/follow-ups/" + followUp + "/attachments", "file",
				"门头.jpg", "image/jpeg", photo);

		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		long attachment = added.id();
		HttpResponse<byte[]> stored = this.multipart.download(token, "/api/v1/attachments/" + attachment);
		assertThat(stored.statusCode()).isEqualTo(200);
		byte[] bytes = stored.body();
		assertThat(GeotaggedPhotos.hasGps(bytes)).as("no position in the stored file").isFalse();
		assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
		assertThat(GeotaggedPhotos.orientation(bytes)).isEqualTo(GeotaggedPhotos.ORIENTATION);
		Map<String, Object> row = this.jdbc.sql("select sha256, size_bytes from follow_up_attachment where id = ?")
			.param(attachment)
			.query()
			.singleRow();
		assertThat((byte[]) row.get("sha256")).isEqualTo(AttachmentStorage.sha256(bytes));
		assertThat(((Number) row.get("size_bytes")).longValue()).isEqualTo(bytes.length);
		assertThat(added.body().get("sizeBytes").asLong()).isEqualTo(bytes.length);
	}

	@Test
	void aPoolReaderSeesNoUploaderOfAReturnedCustomersFiles() {
		String ownerToken = this.data.token(this.owner);
		long customer = customer(ownerToken);
		long followUp = followUp(ownerToken, customer, "送了样品，拍照留存");
		Api.Response added = this.multipart.upload(ownerToken, "/api/v1/follow-ups/" + followUp + "/attachments",
				"file", "样品.png", "image/png", SampleFiles.png());
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.body().get("uploadedBy").asLong()).as("the owner sees who added it")
			.isEqualTo(this.owner.id());
		Api.Response returned = this.api.post(ownerToken, "/api/v1/customers/" + customer + "/return-to-pool",
				Map.of("reason", "客户暂无需求"));
		assertThat(returned.status()).as(returned.toString()).isEqualTo(200);

		String reader = this.data.token(this.colleague);
		Api.Response timeline = this.api.get(reader, "/api/v1/customers/" + customer + "/follow-ups");
		assertThat(timeline.status()).isEqualTo(200);
		var file = timeline.body().get("items").get(0).get("attachments").get(0);
		assertThat(file.get("fileName").asString()).isEqualTo("样品.png");
		assertThat(file.get("uploadedBy").asLong()).isZero();
		assertThat(timeline.raw()).doesNotContain("\"uploadedBy\":" + this.owner.id())
			.doesNotContain("\"authorId\":" + this.owner.id());

		Api.Response list = this.api.get(reader, "/api/v1/follow-ups/" + followUp + "/attachments");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().get(0).get("uploadedBy").asLong()).isZero();
		assertThat(list.raw()).doesNotContain("\"uploadedBy\":" + this.owner.id());

		WebSession page = new WebSession(this.port);
		page.logIn(this.colleague.username(), TestData.PASSWORD);
		for (String path : new String[] { "/customers/" + customer + "/follow-ups",
				"/customers/" + customer + "/follow-ups/" + followUp }) {
			HttpResponse<String> shown = page.get(path);
			assertThat(shown.statusCode()).as(path).isEqualTo(200);
			assertThat(shown.body()).as(path).contains("样品.png").doesNotContain(this.owner.username());
		}
	}

	private long customer(String token) {
		Api.Response created = this.api.post(token, "/api/v1/customers", Map.of("name",
				TestData.unique("宁波海天贸易") + "有限公司", "kind", "COMPANY", "level", "B", "region", "浙江省宁波市"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private long followUp(String token, long customer, String content) {
		Api.Response created = this.api.post(token, "/api/v1/customers/" + customer + "/follow-ups",
				Map.of("kind", "VISIT", "content", content));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

}
