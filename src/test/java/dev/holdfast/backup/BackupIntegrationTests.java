package dev.holdfast.backup;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.Multipart;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;
import dev.holdfast.audit.AuditSealer;
import dev.holdfast.audit.ChainVerification;
import dev.holdfast.backup.archive.ArchiveCheck;
import dev.holdfast.backup.archive.ArchiveReader;
import dev.holdfast.backup.archive.BackupRefusedException;
import dev.holdfast.backup.archive.BackupSecret;
import dev.holdfast.backup.archive.Manifest;
import dev.holdfast.backup.database.TableLoad;
import dev.holdfast.customer.EncryptedColumns;
import dev.holdfast.followup.AttachmentFiles;
import dev.holdfast.protection.BackupKeys;
import dev.holdfast.protection.DecryptionCheck;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.crypto.FieldCipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup, verification and restore (issue 13) on the shared database: the archive's
 * contents, a restore into a second database on the same embedded server checked through
 * the beans and SQL (every table's count, the audit chain, the contact's phone decrypting
 * to the original, the attachment's stored bytes), an archive of an older schema version
 * migrated forward, the listing, the page. The round trip through a restored data
 * directory that Holdfast then serves is {@code DemoCompanyIntegrationTests}'s (the demo
 * company's own database).
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupIntegrationTests {

	@Autowired
	BackupProperties properties;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	LockProvider locks;

	@Autowired
	List<JavaMigration> migrations;

	@Autowired
	FieldCipher cipher;

	@Autowired
	BackupKeys keys;

	@Autowired
	AttachmentFiles files;

	@Autowired
	HoldfastClock clock;

	@Autowired
	RestoreCompletion completion;

	@Autowired
	Flyway flyway;

	@Autowired
	AuditSealer sealer;

	private Api api;

	private TestData.Company company;

	private String admin;

	private long contactId;

	private String phone;

	private String contactName;

	private String objectKey;

	private byte[] photo;

	private Path archive;

	private Manifest manifest;

	@BeforeAll
	void backUpACompanyWithContactsAndFiles() throws IOException {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华东区", "杭州销售二组", "西南区");
		this.admin = this.company.data.adminToken();
		TestData.CustomerWithHistory customer = this.company.data.customerWithHistory(this.company.owner);
		this.contactId = customer.contactId();
		this.phone = customer.contactPhone();
		this.contactName = TestData.unique("欧阳");
		this.company.data.contact(this.company.owner, customer.id(),
				Map.of("name", this.contactName, "phone", TestData.uniqueMobile()));
		this.photo = RestoredHoldfast.photo();
		long attachment = new Multipart(this.port)
			.upload(this.company.token(this.company.owner),
					"/api/v1/follow-ups/" + customer.followUpId() + "/attachments", "file", "仓库.png", "image/png",
					this.photo)
			.id();
		this.objectKey = this.jdbc.sql("select object_key from follow_up_attachment where id = ?")
			.param(attachment)
			.query(String.class)
			.single();

		Api.Response created = this.api.post(this.admin, "/api/v1/admin/backups", Map.of());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.archive = this.properties.dir().resolve(created.text("name"));
		// named in the company's zone, as the listing shows its time and the schedule
		// runs
		LocalDateTime named = LocalDateTime.parse(created.text("name").substring("holdfast-".length(), 24),
				DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		assertThat(Duration
			.between(named.atZone(this.clock.zone()).toInstant(), Files.getLastModifiedTime(this.archive).toInstant())
			.abs()).isLessThan(Duration.ofMinutes(2));
		this.manifest = ArchiveCheck.verify(this.archive, passphrase()).manifest();
		assertThat(created.body().get("rows").asLong()).isEqualTo(this.manifest.rows());
	}

	@Test
	void anAttachmentWhoseFileIsGoneIsLeftOutAndEverythingElseBackedUp() throws IOException {
		// the first full run after the merge: a file missing from the store (the store
		// was
		// switched, or a test moved a key) made the whole backup answer 500
		long followUp = this.jdbc.sql("select follow_up_id from follow_up_attachment where object_key = ?")
			.param(this.objectKey)
			.query(Long.class)
			.single();
		long gone = new Multipart(this.port)
			.upload(this.company.token(this.company.owner), "/api/v1/follow-ups/" + followUp + "/attachments", "file",
					"仓库2.png", "image/png", RestoredHoldfast.photo())
			.id();
		String missing = "attachments/00/" + java.util.UUID.randomUUID();
		this.jdbc.sql("update follow_up_attachment set object_key = ?, thumbnail_key = null where id = ?")
			.params(missing, gone)
			.update();

		Api.Response created = this.api.post(this.admin, "/api/v1/admin/backups", Map.of());

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Manifest manifest = ArchiveCheck.verify(this.properties.dir().resolve(created.text("name")), passphrase())
			.manifest();
		assertThat(manifest.files()).extracting(Manifest.StoredFile::key)
			.contains(this.objectKey)
			.doesNotContain(missing);
	}

	@Test
	void theArchiveHoldsEveryTableTheKeysAndTheFilesWithTheirCounts() {
		assertThat(this.manifest.tables()).extracting(Manifest.Table::name)
			.contains("customer", "contact", "audit_chain_head", "follow_up_attachment", "flyway_schema_history");
		// audit_event's rows are in its month partitions: each a table of the archive,
		// with
		// its partitioned table and bound for the restore
		java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
		assertThat(this.manifest.tables()).filteredOn(t -> "audit_event".equals(t.partitionOf()))
			.extracting(Manifest.Table::name)
			.contains("audit_event_default",
					"audit_event_y%04dm%02d".formatted(month.getYear(), month.getMonthValue()));
		assertThat(this.manifest.tables()).filteredOn(t -> t.name().startsWith("audit_event_y"))
			.allSatisfy(t -> assertThat(t.bound()).startsWith("FOR VALUES FROM"));
		assertThat(this.manifest.schemaVersion()).isNotBlank();
		assertThat(this.manifest.keySets()).containsExactly("data", "index");
		assertThat(this.manifest.auditHead()).isNotNull();
		assertThat(this.manifest.files()).filteredOn(f -> f.key().equals(this.objectKey))
			.singleElement()
			.satisfies(f -> assertThat(f.included()).isTrue());
		long contacts = this.manifest.tables()
			.stream()
			.filter(t -> t.name().equals("contact"))
			.findFirst()
			.orElseThrow()
			.rows();
		assertThat(contacts).isPositive();
		assertThat(this.api.get(this.admin, "/api/v1/admin/backups").raw())
			.contains(this.archive.getFileName().toString());
		assertThat(this.jdbc
			.sql("select details from audit_event where action = 'BACKUP_CREATED' order by id desc limit 1")
			.query(String.class)
			.single()).contains("\"rows\"").contains(this.archive.getFileName().toString());
	}

	/**
	 * The listing shows what each archive's manifest recorded, read from the facts kept
	 * beside it (no passphrase needed, no customer data in them), and the result of a
	 * verification on demand: intact for the archive, damaged (with the reason) for a
	 * cut-off copy of it.
	 */
	@Test
	void theListingShowsEachArchivesFactsAndItsLastVerification() throws IOException {
		String name = this.archive.getFileName().toString();
		JsonNode listed = listed(name);
		assertThat(listed.get("schemaVersion").asString()).isEqualTo(this.manifest.schemaVersion());
		assertThat(listed.get("rows").asLong()).isEqualTo(this.manifest.rows());
		assertThat(listed.get("files").asInt()).isEqualTo(this.manifest.files().size());
		assertThat(listed.get("tables").asInt()).isEqualTo(this.manifest.tables().size());
		assertThat(listed.get("tableRows").get("contact").asLong()).isEqualTo(this.manifest.tables()
			.stream()
			.filter(t -> t.name().equals("contact"))
			.findFirst()
			.orElseThrow()
			.rows());
		assertThat(listed.get("auditHead").get("id").asLong()).isEqualTo(this.manifest.auditHead().id());
		assertThat(listed.get("auditHead").get("hash").asString()).isEqualTo(this.manifest.auditHead().hash());
		String sidecar = Files.readString(ArchiveFacts.sidecar(this.archive));
		for (String secret : List.of(this.phone, this.contactName, "杭州销售二组", "primaryKeyId", this.objectKey)) {
			assertThat(sidecar).as(secret).doesNotContain(secret);
		}

		Api.Response verified = this.api.post(this.admin, "/api/v1/admin/backups/" + name + "/verify", Map.of());
		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
		assertThat(verified.body().get("lastCheck").get("intact").asBoolean()).isTrue();
		assertThat(listed(name).get("lastCheck").get("intact").asBoolean()).isTrue();

		byte[] whole = Files.readAllBytes(this.archive);
		Path cut = this.properties.dir().resolve("holdfast-00000000-000000-cut.hfbak");
		try {
			Files.write(cut, Arrays.copyOf(whole, whole.length - 100));
			Files.copy(ArchiveFacts.sidecar(this.archive), ArchiveFacts.sidecar(cut));
			Api.Response damaged = this.api.post(this.admin, "/api/v1/admin/backups/" + cut.getFileName() + "/verify",
					Map.of());
			assertThat(damaged.status()).as(damaged.toString()).isEqualTo(200);
			assertThat(damaged.body().get("lastCheck").get("intact").asBoolean()).isFalse();
			assertThat(damaged.body().get("lastCheck").get("problem").asString())
				.isEqualTo("the archive is damaged or truncated; nothing was read from it");
			// the page says it in the reader's language, without the library's own words
			WebSession web = new WebSession(this.port);
			web.logIn("admin", TestData.ADMIN_PASSWORD);
			String chinese = web.get("/admin/backups?lang=zh_CN").body();
			assertThat(chinese).contains("备份已损坏或不完整，未从中读取任何内容。")
				.doesNotContain("Tag mismatch")
				.doesNotContain("damaged or truncated");
			assertThat(web.get("/admin/backups?lang=en").body())
				.contains("The archive is damaged or truncated; nothing was read from it.");
			assertThat(damaged.body().get("rows").asLong()).as("the recorded facts stay")
				.isEqualTo(this.manifest.rows());
		}
		finally {
			Files.deleteIfExists(cut);
			Files.deleteIfExists(ArchiveFacts.sidecar(cut));
		}
		// an archive removed by hand: its facts go at the next listing, and are not shown
		// for another archive copied in under its name later
		Path gone = this.properties.dir().resolve("holdfast-00000000-000000-gone.hfbak");
		Files.copy(ArchiveFacts.sidecar(this.archive), ArchiveFacts.sidecar(gone));
		assertThat(this.api.get(this.admin, "/api/v1/admin/backups").body().findValuesAsString("name"))
			.doesNotContain(gone.getFileName().toString());
		assertThat(ArchiveFacts.sidecar(gone)).doesNotExist();
		assertThat(ArchiveFacts.sidecar(this.archive)).as("an archive's own facts stay").exists();
		for (String unknown : List.of("holdfast-19990101-000000.hfbak", "..%2Fbackups.hfbak", "keys")) {
			assertThat(this.api.post(this.admin, "/api/v1/admin/backups/" + unknown + "/verify", Map.of()).status())
				.as(unknown)
				.isIn(400, 404);
		}
		assertThat(this.api
			.post(this.company.token(this.company.owner), "/api/v1/admin/backups/" + name + "/verify", Map.of())
			.status()).isEqualTo(403);
	}

	/**
	 * The administrators' page: the schedule as set up, the archives with their facts,
	 * "back up now" and a verification per archive.
	 */
	@Test
	void administratorsBackUpAndVerifyOnTheirPage() {
		WebSession web = new WebSession(this.port);
		web.logIn("admin", TestData.ADMIN_PASSWORD);
		HttpResponse<String> page = web.get("/admin/backups");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"backup-schedule\"", "id=\"backup-keep\"", "id=\"nav-backups\"")
			.contains("data-name=\"" + this.archive.getFileName() + "\"");
		String csrf = WebSession.csrfToken(page);
		HttpResponse<String> verified = web.post("/admin/backups/" + this.archive.getFileName() + "/verify",
				Map.of("_csrf", csrf));
		assertThat(verified.statusCode()).isEqualTo(302);
		assertThat(web.get("/admin/backups").body()).contains("id=\"flash\"").contains("text-bg-success");
		int before = this.api.get(this.admin, "/api/v1/admin/backups").body().size();
		HttpResponse<String> created = web.post("/admin/backups", Map.of("_csrf", csrf));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(this.api.get(this.admin, "/api/v1/admin/backups").body().size())
			.isEqualTo(Math.min(before + 1, this.properties.keep()));

		// another instance writing one (holding the backup job's lock): the page again,
		// saying so
		SimpleLock other = this.locks
			.lock(new LockConfiguration(this.clock.now(), BackupJob.LOCK, Duration.ofMinutes(5), Duration.ZERO))
			.orElseThrow();
		try {
			HttpResponse<String> refused = web.post("/admin/backups", Map.of("_csrf", csrf));
			assertThat(refused.statusCode()).isEqualTo(409);
			assertThat(refused.body()).contains("id=\"backup-refused\"", "已有备份正在写入");
		}
		finally {
			other.unlock();
		}

		WebSession rep = new WebSession(this.port);
		rep.logIn(this.company.owner.username(), TestData.PASSWORD);
		assertThat(rep.get("/admin/backups").statusCode()).isEqualTo(403);
		assertThat(rep.get("/").body()).doesNotContain("id=\"nav-backups\"");
	}

	private JsonNode listed(String name) {
		Api.Response list = this.api.get(this.admin, "/api/v1/admin/backups");
		assertThat(list.status()).isEqualTo(200);
		return list.body().valueStream().filter(b -> b.get("name").asString().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void noPhoneNameOrKeyInTheArchiveAndNoPhoneInAnyTableOfIt() throws IOException {
		byte[] raw = Files.readAllBytes(this.archive);
		for (String secret : List.of(this.phone, this.contactName, "primaryKeyId", "杭州销售二组")) {
			assertThat(indexOf(raw, secret.getBytes(StandardCharsets.UTF_8))).as(secret).isEqualTo(-1);
		}
		// inside, after decryption: the phone is ciphertext in every table (contacts,
		// their
		// history, audit details, sessions, ...)
		try (ArchiveReader reader = ArchiveReader.open(this.archive, passphrase())) {
			reader.forEach((name, content) -> {
				if (name.startsWith(Manifest.TABLES)) {
					byte[] rows = content.readAllBytes();
					assertThat(indexOf(rows, this.phone.getBytes(StandardCharsets.UTF_8))).as(name).isEqualTo(-1);
				}
			});
		}
	}

	@Test
	void restoresIntoAnEmptyDatabaseWithEveryRowTheChainTheKeysAndTheFiles() throws IOException {
		String database = "restore_" + Long.toHexString(System.nanoTime());
		this.jdbc.sql("create database " + database + " template template0 encoding 'UTF8' locale 'C.UTF-8'").update();
		try (HikariDataSource restored = dataSourceOf(database)) {
			ChainVerification chain = new TableLoad(restored, this.migrations).load(this.archive, passphrase(),
					this.manifest);
			assertThat(chain.ok()).isTrue();
			assertThat(chain.checked()).isPositive();
			JdbcClient copy = JdbcClient.create(restored);
			for (Manifest.Table table : this.manifest.tables()) {
				assertThat(copy.sql("select count(*) from \"" + table.name() + "\"").query(Long.class).single())
					.as(table.name())
					.isEqualTo(table.rows());
			}
			byte[] encryptedPhone = copy.sql("select phone_encrypted from contact where id = ?")
				.param(this.contactId)
				.query(byte[].class)
				.single();
			assertThat(this.cipher.decrypt(encryptedPhone, EncryptedColumns.CONTACT_PHONE)).isEqualTo(this.phone);
			// new rows continue the sequences after the restored ones
			long nextAudit = copy.sql("select nextval(pg_get_serial_sequence('audit_event', 'id'))")
				.query(Long.class)
				.single();
			assertThat(nextAudit).isGreaterThan(this.manifest.auditHead().id());
			DecryptionCheck decryption = this.keys.checkDecryptable(copy);
			assertThat(decryption.values()).isPositive();
			// other tests of the suite tamper with rows on purpose: the copy has those,
			// no
			// more
			assertThat(this.keys.checkDecryptable(this.jdbc).unreadable()).containsAll(decryption.unreadable());
			assertThatThrownBy(() -> new TableLoad(restored, this.migrations).requireEmpty())
				.isInstanceOf(BackupRefusedException.class)
				.hasMessageContaining("not empty");
		}
		finally {
			this.jdbc.sql("drop database if exists " + database + " with (force)").update();
		}
		Map<String, byte[]> archived = new HashMap<>();
		try (ArchiveReader reader = ArchiveReader.open(this.archive, passphrase())) {
			reader.forEach((name, content) -> archived.put(name, content.readAllBytes()));
		}
		assertThat(archived.get(Manifest.FILES + this.objectKey)).isEqualTo(this.files.read(this.objectKey));
		HttpResponse<byte[]> download = new Multipart(this.port).download(this.company.token(this.company.owner),
				"/api/v1/attachments/" + this.jdbc.sql("select id from follow_up_attachment where object_key = ?")
					.param(this.objectKey)
					.query(Long.class)
					.single());
		assertThat(download.body()).isEqualTo(this.photo);
	}

	/**
	 * An archive of an older schema version: 8, before the Java migration 9.1 encrypted
	 * contact phones and customer addresses, so its contact table still has them in plain
	 * text. The restore loads it at its own version, and then the migrations after 8 run
	 * on the loaded rows, as Holdfast's start on the restored database runs them (Spring
	 * Boot's Flyway, with the application's configuration and Java migrations), with the
	 * archive's key sets.
	 */
	@Test
	void anArchiveOfAnOlderSchemaVersionIsLoadedAtItsVersionAndMigratedForward() throws Exception {
		String suffix = Long.toHexString(System.nanoTime());
		String older = "old_" + suffix;
		String target = "restore_" + suffix;
		Path file = this.properties.dir().resolve("old-" + suffix + ".hfbak");
		this.jdbc.sql("create database " + older + " template template0 encoding 'UTF8' locale 'C.UTF-8'").update();
		this.jdbc.sql("create database " + target + " template template0 encoding 'UTF8' locale 'C.UTF-8'").update();
		try (HikariDataSource source = dataSourceOf(older); HikariDataSource restored = dataSourceOf(target)) {
			Flyway.configure()
				.configuration(this.flyway.getConfiguration())
				.dataSource(source)
				.target("8")
				.load()
				.migrate();
			JdbcClient then = JdbcClient.create(source);
			long owner = then
				.sql("insert into employee (username, display_name) values ('old.sales', '欧阳娜') " + "returning id")
				.query(Long.class)
				.single();
			long customer = then
				.sql("insert into customer (name, normalized_name, kind, owner_id, address) "
						+ "values ('成都锦江老客户贸易有限公司', '成都锦江老客户贸易有限公司', 'COMPANY', ?, '成都市锦江区春熙路 1 号') returning id")
				.param(owner)
				.query(Long.class)
				.single();
			long contact = then
				.sql("insert into contact (customer_id, name, phone, phone_normalized) "
						+ "values (?, '司马光', '13912345678', '+8613912345678') returning id")
				.param(customer)
				.query(Long.class)
				.single();
			Manifest manifest = new ArchiveCreation(source, this.keys, this.files, this.properties, this.clock,
					this.sealer)
				.write(file);
			assertThat(manifest.schemaVersion()).isEqualTo("8");

			new TableLoad(restored, this.migrations).load(file, passphrase(), manifest);
			JdbcClient copy = JdbcClient.create(restored);
			assertThat(copy.sql("select phone from contact where id = ?").param(contact).query(String.class).single())
				.as("loaded at the archive's version")
				.isEqualTo("13912345678");

			Flyway.configure().configuration(this.flyway.getConfiguration()).dataSource(restored).load().migrate();

			List<String> applied = copy
				.sql("select version from flyway_schema_history where success and version is not null "
						+ "order by installed_rank")
				.query(String.class)
				.list();
			List<String> current = this.jdbc
				.sql("select version from flyway_schema_history where success and version is not null "
						+ "order by installed_rank")
				.query(String.class)
				.list();
			assertThat(applied).as("every migration of this Holdfast, those after 8 run on the loaded rows")
				.containsExactlyElementsOf(current)
				.contains("9", "9.1");
			byte[] phone = copy.sql("select phone_encrypted from contact where id = ?")
				.param(contact)
				.query(byte[].class)
				.single();
			assertThat(this.cipher.decrypt(phone, EncryptedColumns.CONTACT_PHONE)).isEqualTo("13912345678");
			byte[] address = copy.sql("select address_encrypted from customer where id = ?")
				.param(customer)
				.query(byte[].class)
				.single();
			assertThat(this.cipher.decrypt(address, EncryptedColumns.CUSTOMER_ADDRESS)).isEqualTo("成都市锦江区春熙路 1 号");
			assertThat(copy
				.sql("select count(*) from information_schema.columns where table_name = 'contact' "
						+ "and column_name = 'phone' and table_schema = current_schema()")
				.query(Long.class)
				.single()).as("the plain text column is gone").isZero();
			assertThat(copy.sql("select name from customer where id = ?").param(customer).query(String.class).single())
				.isEqualTo("成都锦江老客户贸易有限公司");
			assertThat(copy.sql("select display_name from employee where id = ?")
				.param(owner)
				.query(String.class)
				.single()).isEqualTo("欧阳娜");
		}
		finally {
			this.jdbc.sql("drop database if exists " + older + " with (force)").update();
			this.jdbc.sql("drop database if exists " + target + " with (force)").update();
			Files.deleteIfExists(file);
		}
	}

	@Test
	void theEndOfARestorePutsFilesBackChecksEveryValueAndIsAudited() throws IOException {
		DecryptionCheck decryption = this.completion.complete(this.archive, passphrase(), this.manifest);
		assertThat(decryption.values()).isPositive();
		assertThat(this.jdbc.sql("select details from audit_event where action = 'BACKUP_RESTORED' order by id desc")
			.query(String.class)
			.list()).first().asString().contains(this.archive.getFileName().toString());
		// a file already in the store must be the archive's; a missing one is written
		assertThatThrownBy(() -> this.files.restore(this.objectKey, new byte[] { 1, 2, 3 }))
			.isInstanceOf(IllegalStateException.class);
		String missing = "restored/" + Long.toHexString(System.nanoTime());
		this.files.restore(missing, this.photo);
		assertThat(this.files.read(missing)).isEqualTo(this.photo);
	}

	@Test
	void aRestoreIntoANonEmptyDatabaseIsRefusedAndTouchesNothing() {
		String migrations = "select count(*) from flyway_schema_history";
		long applied = this.jdbc.sql(migrations).query(Long.class).single();
		assertThatThrownBy(
				() -> new TableLoad(this.dataSource, this.migrations).load(this.archive, passphrase(), this.manifest))
			.isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("not empty");
		assertThat(this.jdbc.sql(migrations).query(Long.class).single()).isEqualTo(applied);
	}

	@Test
	void aWrongPassphraseIsNamedAsSuch() {
		assertThatThrownBy(() -> ArchiveCheck.verify(this.archive, BackupSecret.passphrase("not-the-passphrase")))
			.isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("wrong backup passphrase");
		assertThatThrownBy(() -> ArchiveCheck.verify(this.archive, BackupSecret.passphrase("")))
			.isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("HOLDFAST_BACKUP_PASSPHRASE");
	}

	@Test
	void aTruncatedOrAlteredArchiveFailsVerificationAndRestoresNothing() throws IOException {
		byte[] whole = Files.readAllBytes(this.archive);
		Path damaged = Files.createTempFile(this.properties.dir(), "damaged", ".tmp");
		try {
			for (int length : new int[] { whole.length - 1, whole.length - 40, whole.length / 2, 60 }) {
				Files.write(damaged, Arrays.copyOf(whole, length));
				assertThatThrownBy(() -> ArchiveCheck.verify(damaged, passphrase())).as("cut at " + length)
					.isInstanceOf(BackupRefusedException.class)
					.hasMessageContaining("truncated");
			}
			byte[] altered = whole.clone();
			altered[whole.length / 2] ^= 0x20;
			Files.write(damaged, altered);
			assertThatThrownBy(() -> ArchiveCheck.verify(damaged, passphrase()))
				.isInstanceOf(BackupRefusedException.class)
				.hasMessageContaining("damaged");
			String database = "restore_" + Long.toHexString(System.nanoTime());
			this.jdbc.sql("create database " + database + " template template0").update();
			try (HikariDataSource target = dataSourceOf(database)) {
				Files.write(damaged, Arrays.copyOf(whole, whole.length - 40));
				assertThatThrownBy(
						() -> new TableLoad(target, this.migrations).load(damaged, passphrase(), this.manifest))
					.isInstanceOf(BackupRefusedException.class);
				assertThatCode(() -> new TableLoad(target, this.migrations).requireEmpty()).doesNotThrowAnyException();
			}
			finally {
				this.jdbc.sql("drop database if exists " + database + " with (force)").update();
			}
		}
		finally {
			Files.deleteIfExists(damaged);
		}
	}

	@Test
	void withoutAPassphraseNothingIsWritten() {
		BackupProperties none = new BackupProperties(" ", this.properties.dir(), "-", 14, 1000, null);
		Path file = this.properties.dir().resolve("unencrypted.hfbak");
		assertThatThrownBy(
				() -> new ArchiveCreation(this.dataSource, this.keys, this.files, none, this.clock, this.sealer)
					.write(file))
			.isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("HOLDFAST_BACKUP_PASSPHRASE");
		assertThat(file).doesNotExist();
	}

	@Test
	void onlyAdministratorsBackUp() {
		for (TestData.Employee attacker : List.of(this.company.manager, this.company.hr(), this.company.owner)) {
			String token = this.company.token(attacker);
			Api.Response post = this.api.post(token, "/api/v1/admin/backups", Map.of());
			assertThat(post.status()).as(attacker.username()).isEqualTo(403);
			assertThat(post.raw()).contains("role.manage");
			assertThat(this.api.get(token, "/api/v1/admin/backups").status()).isEqualTo(403);
		}
	}

	private BackupSecret passphrase() {
		return this.properties.secret();
	}

	private HikariDataSource dataSourceOf(String database) {
		String url = ((HikariDataSource) this.dataSource).getJdbcUrl();
		HikariDataSource target = new HikariDataSource();
		target.setJdbcUrl(url.replaceFirst("/holdfast(\\?|$)", "/" + database + "$1"));
		target.setUsername(((HikariDataSource) this.dataSource).getUsername());
		target.setMaximumPoolSize(2);
		return target;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
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
