package dev.holdfast.followup;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;

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
import dev.holdfast.followup.files.FileProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files on follow-ups through the REST API: what is refused (and then leaves nothing
 * behind), who may download, what lies on disk, and what the timeline shows.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileProperties files;

	private Api api;

	private Multipart multipart;

	private Employee rep;

	private Employee peer;

	private Employee manager;

	private String token;

	private long customer;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.multipart = new Multipart(this.port);
		TestData data = new TestData(this.api);
		long dept = data.department(TestData.unique("杭州销售部"), null);
		this.manager = data.employee("mgr", dept, null, "SALES_MANAGER");
		this.rep = data.employee("rep", dept, this.manager.id(), "SALES");
		this.peer = data.employee("peer", dept, this.manager.id(), "SALES");
		this.token = data.token(this.rep);
		this.customer = this.api
			.post(this.token, "/api/v1/customers", Map.of("name", TestData.unique("杭州西湖龙井茶业"), "kind", "COMPANY"))
			.id();
	}

	private long followUp(String content) {
		return this.api
			.post(this.token, "/api/v1/customers/" + this.customer + "/follow-ups",
					Map.of("kind", "CALL", "content", content))
			.id();
	}

	private Api.Response attach(String token, long followUpId, String name, byte[] bytes) {
		return this.multipart.upload(token, "/api/v1/follow-ups/" + followUpId + "/attachments", "file", name,
				"application/octet-stream", bytes);
	}

	@Test
	void refusedFilesAnswer400AndLeaveNoRowAndNoFile() {
		long id = followUp("看了门店");
		long stored = storedFiles();
		byte[] tooLarge = new byte[(int) this.files.maxSize().toBytes() + 1];
		byte[] photo = SampleFiles.photo(Color.BLUE);
		System.arraycopy(photo, 0, tooLarge, 0, photo.length);
		Map<String, byte[]> refused = Map.of("门头.jpg", tooLarge, "名片.jpg", SampleFiles.text(), "照片.jpg",
				SampleFiles.exe(), "报价.pdf", photo, "../../etc/cron.d/门头.jpg", photo, "..\\..\\门头.jpg", photo,
				"门头\u0000.jpg", photo, "门头\u202Egpj.exe", photo, "门头", photo);
		refused.forEach((name, bytes) -> {
			Api.Response response = attach(this.token, id, name, bytes);
			assertThat(response.status()).as(name + ": " + response).isEqualTo(400);
			assertThat(response.body().get("fields").get("file").asString()).as(name).isNotBlank();
		});
		assertThat(rows(id)).isZero();
		assertThat(storedFiles()).isEqualTo(stored);
		assertThat(
				this.jdbc.sql("select substantive from follow_up where id = ?").param(id).query(Boolean.class).single())
			.isFalse();
	}

	@Test
	void aRequestAboveTheContainersLimitIsA400Too() {
		long id = followUp("大文件");
		long stored = storedFiles();
		Api.Response response = attach(this.token, id, "录像.jpg", new byte[31 * 1024 * 1024]);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body().get("fields").get("file").asString()).isNotBlank();
		assertThat(rows(id)).isZero();
		assertThat(storedFiles()).isEqualTo(stored);
	}

	@Test
	void aPeerGetsNotFoundTheManagerGetsTheExactBytesAndEveryDownloadIsAudited() {
		long id = followUp("拍了仓库");
		byte[] photo = SampleFiles.photo(Color.GREEN);
		Api.Response added = attach(this.token, id, "仓库照片.jpg", photo);
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		long attachment = added.id();
		String path = "/api/v1/attachments/" + attachment;

		assertThat(this.multipart.download(this.api.login(this.peer.username(), TestData.PASSWORD), path).statusCode())
			.isEqualTo(404);
		assertThat(this.api.get(this.api.login(this.peer.username(), TestData.PASSWORD), path + "/thumbnail").status())
			.isEqualTo(404);
		assertThat(this.api
			.get(this.api.login(this.peer.username(), TestData.PASSWORD), "/api/v1/follow-ups/" + id + "/attachments")
			.status()).isEqualTo(404);

		HttpResponse<byte[]> download = this.multipart
			.download(this.api.login(this.manager.username(), TestData.PASSWORD), path);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(photo);
		assertThat(download.headers().firstValue("Content-Type")).contains("image/jpeg");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("filename*=UTF-8''%E4%BB%93%E5%BA%93%E7%85%A7%E7%89%87.jpg");
		HttpResponse<byte[]> thumbnail = this.multipart
			.download(this.api.login(this.manager.username(), TestData.PASSWORD), path + "/thumbnail");
		assertThat(thumbnail.statusCode()).isEqualTo(200);
		assertThat(thumbnail.body().length).isLessThan(photo.length);

		assertThat(audited("ATTACHMENT_ADDED", attachment)).isEqualTo(1);
		assertThat(audited("ATTACHMENT_DOWNLOADED", attachment)).isEqualTo(2);

		// the browser's routes, for the signed-in session, answer alike
		WebSession peerSession = new WebSession(this.port);
		peerSession.logIn(this.peer.username(), TestData.PASSWORD);
		assertThat(peerSession.get("/attachments/" + attachment).statusCode()).isEqualTo(404);
		assertThat(peerSession.get("/attachments/" + attachment + "/thumbnail").statusCode()).isEqualTo(404);
		WebSession managerSession = new WebSession(this.port);
		managerSession.logIn(this.manager.username(), TestData.PASSWORD);
		assertThat(managerSession.get("/attachments/" + attachment + "/thumbnail").statusCode()).isEqualTo(200);
		assertThat(audited("ATTACHMENT_DOWNLOADED", attachment)).isEqualTo(3);
	}

	@Test
	void aDumpOfTheDatabaseAndTheStoreShowsNothingOfTheFile() throws IOException {
		long id = followUp("带了合同");
		String marker = TestData.unique("CONFIDENTIAL-PRICE-LIST-");
		byte[] pdf = new String(SampleFiles.pdf(), java.nio.charset.StandardCharsets.US_ASCII)
			.replace("%%EOF", "% " + marker + "\n%%EOF")
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		long attachment = attach(this.token, id, "价目表.pdf", pdf).id();
		for (String table : this.jdbc
			.sql("select tablename from pg_tables where schemaname = current_schema() order by 1")
			.query(String.class)
			.list()) {
			String dump = String.join("\n",
					this.jdbc.sql("select t::text from \"" + table + "\" t").query(String.class).list());
			assertThat(dump).as(table).doesNotContain(marker);
		}
		String key = this.jdbc.sql("select object_key from follow_up_attachment where id = ?")
			.param(attachment)
			.query(String.class)
			.single();
		assertThat(indexOf(Files.readAllBytes(this.files.dir().resolve(key)), marker.getBytes())).isNegative();
		HttpResponse<byte[]> download = this.multipart.download(this.token, "/api/v1/attachments/" + attachment);
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
			.as("documents are saved, never shown in the page")
			.startsWith("attachment;");
	}

	@Test
	void theBytesOnDiskAreNotThePlaintextAndABlobMovedToAnotherRowDoesNotOpen() throws IOException {
		long id = followUp("合同扫描件");
		byte[] docx = SampleFiles.docx();
		long first = attach(this.token, id, "合同.docx", docx).id();
		long second = attach(this.token, id, "报价单.xlsx", SampleFiles.xlsx()).id();
		String key = this.jdbc.sql("select object_key from follow_up_attachment where id = ?")
			.param(first)
			.query(String.class)
			.single();
		byte[] onDisk = Files.readAllBytes(this.files.dir().resolve(key));
		assertThat(onDisk).isNotEqualTo(docx);
		assertThat(indexOf(onDisk, "word/document.xml".getBytes())).isNegative();
		assertThat(this.multipart.download(this.token, "/api/v1/attachments/" + first).body()).isEqualTo(docx);

		// the first file's blob, copied under a new key, given to the second row
		Files.copy(this.files.dir().resolve(key), this.files.dir().resolve(key + "-copy"));
		this.jdbc.sql("update follow_up_attachment set object_key = ? where id = ?")
			.params(key + "-copy", second)
			.update();
		Api.Response swapped = this.api.get(this.token, "/api/v1/attachments/" + second);
		assertThat(swapped.status()).as("unreadable data is a clear error, not a crash").isEqualTo(409);
		assertThat(swapped.text("error")).isEqualTo("unreadable_data");
	}

	@Test
	void aFileMakesTheFollowUpSubstantiveAndTheTimelineListsIt() {
		long id = followUp("图");
		assertThat(attach(this.token, id, "门头.png", SampleFiles.png()).status()).isEqualTo(201);
		assertThat(attach(this.token, id, "报价.pdf", SampleFiles.pdf()).status()).isEqualTo(201);
		byte[] heic = new byte[256];
		System.arraycopy("\0\0\0\u0018ftypheic".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
		Api.Response iphone = attach(this.token, id, "IMG_0001.HEIC", heic);
		assertThat(iphone.status()).as(iphone.toString()).isEqualTo(201);
		assertThat(iphone.body().get("image").asBoolean()).isTrue();
		assertThat(iphone.body().get("thumbnail").asBoolean()).as("Java draws no HEIC").isFalse();
		assertThat(
				this.jdbc.sql("select substantive from follow_up where id = ?").param(id).query(Boolean.class).single())
			.isTrue();
		assertThat(this.jdbc.sql("select last_followed_up_at from customer where id = ?")
			.param(this.customer)
			.query(Timestamp.class)
			.optional()).isPresent();

		Api.Response timeline = this.api.get(this.token, "/api/v1/customers/" + this.customer + "/follow-ups");
		var item = Stream.iterate(0, i -> i + 1)
			.map(i -> timeline.body().get("items").get(i))
			.filter(node -> node.get("id").asLong() == id)
			.findFirst()
			.orElseThrow();
		assertThat(item.get("attachments")).hasSize(3);
		assertThat(item.get("attachments").get(0).get("fileName").asString()).isEqualTo("门头.png");
		assertThat(item.get("attachments").get(0).get("thumbnail").asBoolean()).isTrue();
		assertThat(item.get("attachments").get(1).get("mediaType").asString()).isEqualTo("application/pdf");
		assertThat(item.get("attachments").get(1).get("thumbnail").asBoolean()).isFalse();
		assertThat(this.api.get(this.token, "/api/v1/follow-ups/" + id + "/attachments").body()).hasSize(3);
	}

	@Test
	void onlyTheAuthorMayAddFilesAndOnlyWithinTheEditWindow() {
		long id = followUp("拜访了采购部");
		String manager = this.api.login(this.manager.username(), TestData.PASSWORD);
		assertThat(attach(manager, id, "门头.jpg", SampleFiles.photo(Color.RED)).status()).isEqualTo(403);
		this.jdbc.sql("update follow_up set created_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minus(25, ChronoUnit.HOURS)), id)
			.update();
		assertThat(attach(this.token, id, "门头.jpg", SampleFiles.photo(Color.RED)).status()).isEqualTo(403);
		assertThat(attach(this.token, id, null, new byte[0]).status()).isEqualTo(403);
		assertThat(rows(id)).isZero();
	}

	private long rows(long followUpId) {
		return this.jdbc.sql("select count(*) from follow_up_attachment where follow_up_id = ?")
			.param(followUpId)
			.query(Long.class)
			.single();
	}

	private long audited(String action, long attachmentId) {
		return this.jdbc.sql("select count(*) from audit_event where action = ? and target_id = ?")
			.params(action, String.valueOf(attachmentId))
			.query(Long.class)
			.single();
	}

	private long storedFiles() {
		Path dir = this.files.dir();
		if (!Files.exists(dir)) {
			return 0;
		}
		try (Stream<Path> all = Files.walk(dir)) {
			return all.filter(Files::isRegularFile).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
