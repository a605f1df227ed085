package dev.holdfast.demo;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.FileSystemUtils;

import dev.holdfast.Api;
import dev.holdfast.Multipart;
import dev.holdfast.TestData;
import dev.holdfast.backup.BackupProperties;
import dev.holdfast.backup.RestoredHoldfast;
import dev.holdfast.backup.archive.ArchiveCheck;
import dev.holdfast.backup.archive.Manifest;
import dev.holdfast.customer.EncryptedColumns;
import dev.holdfast.database.ChildJvm;
import dev.holdfast.customer.VisibleCustomers.Owners;
import dev.holdfast.followup.OverdueCustomers;
import dev.holdfast.followup.OwnerOverdue;
import dev.holdfast.imports.ImportField;
import dev.holdfast.imports.template.TemplateWorkbook;
import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.PhoneNumbers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company on its own, empty database. It has its own context because it needs
 * its own database (the demo seeds a whole company, whose employees and customers would
 * change what the shared database's tests count); the context is closed after the class:
 * nothing else uses its second embedded PostgreSQL.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "holdfast.demo.enabled=true", "holdfast.demo.password=demo-password-for-tests",
				"holdfast.embedded-postgres.data-dir=target/test-data-demo",
				"holdfast.protection.export.warm-up=false" })
class DemoCompanyIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	@Autowired
	DemoCompany demo;

	@Autowired
	OverdueCustomers overdue;

	@Autowired
	BackupProperties backups;

	@Autowired
	HoldfastClock clock;

	@LocalServerPort
	int port;

	@Test
	void employeesInADepartmentTreeWithEveryBuiltInRole() {
		assertThat(count("select count(*) from employee")).isGreaterThanOrEqualTo(13);
		assertThat(count("select count(*) from department")).isGreaterThanOrEqualTo(3);
		assertThat(count("""
				select count(*) from department d join department p on p.id = d.parent_id
				where p.parent_id is not null""")).as("departments two levels below the top").isPositive();
		List<String> roles = this.jdbc.sql("""
				select distinct r.code from employee_role er join role r on r.id = er.role_id
				join employee e on e.id = er.employee_id where e.username <> 'admin'""").query(String.class).list();
		assertThat(roles).containsExactlyInAnyOrder("ADMIN", "SALES_MANAGER", "SALES", "SERVICE", "HR", "AUDITOR");
	}

	@Test
	void theImportTemplatesExampleOwnerIsAnEmployeeOfTheDemo() {
		String owner = TemplateWorkbook.EXAMPLE.get(TemplateWorkbook.COLUMNS.indexOf(ImportField.OWNER));
		assertThat(count("select count(*) from employee where username = '" + owner.replace("'", "''")
				+ "' and status = 'ACTIVE'"))
			.as("the template's example names " + owner)
			.isEqualTo(1);
	}

	@Test
	void customersWithChineseNamesOwnedByTheSalesTeam() {
		assertThat(count("select count(*) from customer")).isGreaterThanOrEqualTo(300);
		List<String> names = this.jdbc.sql("select name from customer").query(String.class).list();
		assertThat(names).allMatch(name -> name.matches("\\p{IsHan}+"), "Chinese names");
		assertThat(names.stream().filter(n -> n.endsWith("公司")).count()).isGreaterThan(250);
		assertThat(count("select count(distinct owner_id) from customer")).isGreaterThanOrEqualTo(8);
		assertThat(count("select count(*) from customer_revision")).isGreaterThanOrEqualTo(300);
		assertThat(count("""
				select count(*) from audit_event
				where action = 'CUSTOMER_IMPORTED' and details like '%"source":"demo"%'"""))
			.as("one audit event per customer, saying it is the demo's")
			.isEqualTo(count("select count(*) from customer"));
		assertThat(count("select count(*) from customer_owner_history where kind = 'IMPORTED'"))
			.isEqualTo(count("select count(*) from customer"));
	}

	@Test
	void contactsHaveValidMainlandMobileNumbers() {
		EncryptedColumn column = new EncryptedColumn("contact", "phone_encrypted");
		List<Map<String, Object>> contacts = this.jdbc.sql("select phone_encrypted, phone_index from contact")
			.query()
			.listOfRows();
		assertThat(contacts).hasSizeGreaterThanOrEqualTo(300).allSatisfy(contact -> {
			String phone = this.cipher.decrypt((byte[]) contact.get("phone_encrypted"), column);
			assertThat(PhoneNumbers.isValid(phone)).as(phone).isTrue();
			assertThat((byte[]) contact.get("phone_index")).isEqualTo(this.cipher.blindIndex("phone", "+86" + phone));
		});
		assertThat(this.jdbc.sql("select phone from employee where username <> 'admin'").query(String.class).list())
			.allMatch(PhoneNumbers::isValid);
	}

	@Test
	void followUpsSpreadOverTheLastSixMonths() {
		Instant now = Instant.now();
		List<Instant> times = this.jdbc.sql("select created_at from follow_up")
			.query(java.sql.Timestamp.class)
			.list()
			.stream()
			.map(java.sql.Timestamp::toInstant)
			.toList();
		assertThat(times).hasSizeGreaterThanOrEqualTo(600)
			.allMatch(t -> t.isAfter(now.minus(Duration.ofDays(181))) && t.isBefore(now));
		assertThat(times).anyMatch(t -> t.isBefore(now.minus(Duration.ofDays(150))))
			.anyMatch(t -> t.isAfter(now.minus(Duration.ofDays(30))));
		assertThat(count("select count(distinct date_trunc('month', created_at)) from follow_up"))
			.isGreaterThanOrEqualTo(6);
		assertThat(count("""
				select count(*) from follow_up f join customer c on c.id = f.customer_id
				where f.author_id <> c.owner_id""")).as("authored by the owner").isZero();
	}

	@Test
	void meetingsVisitsAndPromisedContactsLieInOfficeHours() {
		List<java.time.ZonedDateTime> times = this.jdbc
			.sql("select created_at from follow_up union all select next_contact_at from follow_up "
					+ "where next_contact_at is not null")
			.query(java.sql.Timestamp.class)
			.list()
			.stream()
			.map(t -> t.toInstant().atZone(this.clock.zone()))
			.toList();
		assertThat(times).hasSizeGreaterThanOrEqualTo(600)
			.allMatch(t -> t.getDayOfWeek().getValue() <= 5, "on a working day")
			.allMatch(t -> t.getHour() >= 9 && t.getHour() < 18, "between 09:00 and 18:00");
	}

	@Test
	void theRhythmClockIsTheLatestSeededFollowUp() {
		assertThat(count("""
				select count(*) from customer c
				where c.last_followed_up_at is distinct from (select max(f.created_at) from follow_up f
				                                              where f.customer_id = c.id and f.substantive)"""))
			.as("customers whose clock is not their latest substantive follow-up")
			.isZero();
		assertThat(
				count("""
						select count(*) from customer c
						where c.created_at > (select min(f.created_at) from follow_up f where f.customer_id = c.id)
						   or exists (select 1 from customer_owner_history h where h.customer_id = c.id
						              and h.changed_at > (select min(f.created_at) from follow_up f where f.customer_id = c.id))"""))
			.as("customers followed up before they were created or came to their owner")
			.isZero();
	}

	@Test
	void aRealisticShareOfTheDemoCustomersIsOverdueAndNoneIsAboutToReturnToThePool() {
		Instant now = Instant.now();
		long customers = count("select count(*) from customer where owner_id is not null and archived_at is null");
		List<OwnerOverdue> owners = this.overdue.byOwner(Owners.everyone(), now);
		long overdue = owners.stream().mapToLong(OwnerOverdue::total).sum();
		assertThat(overdue).isBetween(customers / 10, customers * 3 / 10);
		assertThat(owners).hasSizeGreaterThanOrEqualTo(8)
			.allSatisfy(owner -> assertThat(owner.total()).isLessThan(count(
					"select count(*) from customer where owner_id = " + owner.ownerId() + " and archived_at is null")
					/ 2));
		assertThat(count("""
				select count(*) from pool_due
				where due_at - warn_days * interval '1 day' < now() + interval '1 day'""")).isZero();
	}

	@Test
	void theRepsRemindersAndHerManagersDashboardAgree() {
		Api api = new Api(this.port);
		long rep = count("select id from employee where username = 'east.sales1'");
		Api.Response reminders = api.get(api.login("east.sales1", "demo-password-for-tests"), "/api/v1/reminders");
		long overdue = reminders.body().get("overdue").asLong();
		assertThat(overdue).isPositive();
		String manager = api.login("east.manager", "demo-password-for-tests");
		long onDashboard = api.get(manager, "/api/v1/dashboard")
			.body()
			.get("overdue")
			.valueStream()
			.filter(row -> row.get("employeeId").asLong() == rep)
			.findFirst()
			.orElseThrow()
			.get("total")
			.asLong();
		long onTeamList = api.get(manager, "/api/v1/reminders/team")
			.body()
			.valueStream()
			.filter(row -> row.get("ownerId").asLong() == rep)
			.findFirst()
			.orElseThrow()
			.get("overdue")
			.asLong();
		assertThat(List.of(onDashboard, onTeamList)).containsOnly(overdue);
	}

	@Test
	void demoEmployeesLogInWithTheDemoPasswordAndSeeTheirCustomers() {
		Api api = new Api(this.port);
		String token = api.login("east.sales1", "demo-password-for-tests");
		Api.Response list = api.get(token, "/api/v1/customers?size=200");
		assertThat(list.status()).isEqualTo(200);
		long me = count("select id from employee where username = 'east.sales1'");
		assertThat(list.body().get("total").asLong())
			.isEqualTo(count("select count(*) from customer where owner_id = " + me));
		assertThat(list.body().get("items").valueStream()).allMatch(item -> item.get("ownerId").asLong() == me);
	}

	@Test
	void customerServiceHasCareVisitsAComplaintAndNoticesOnTheirStartPage() {
		for (String username : List.of("service1", "service2")) {
			long me = count("select id from employee where username = '" + username + "'");
			assertThat(count("select count(*) from care_visit where status = 'OPEN' and assignee_id = " + me))
				.as(username)
				.isPositive();
			assertThat(count("""
					select count(*) from complaint p where p.status = 'OPEN'
					  and p.customer_id in (select customer_id from care_visit where assignee_id = %d)"""
				.formatted(me))).as(username).isPositive();
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(20))
				.until(() -> count(
						"select count(*) from notification where kind = 'CARE_VISITS_ASSIGNED' and employee_id = "
								+ me) > 0);
			Api api = new Api(this.port);
			String token = api.login(username, "demo-password-for-tests");
			assertThat(api.get(token, "/api/v1/care-visits").body().size()).as(username).isPositive();
		}
	}

	/**
	 * Issue 13's round trip, on this class's demo company (so that it needs no database
	 * and no context of its own): an attachment added, a backup written by the
	 * administrator, restored into a new data directory by a second application in this
	 * JVM that then serves it (the one application start of the test,
	 * {@link RestoredHoldfast}). Checked against that instance: every table's count
	 * equals the archive's (before anyone logs in; the restore's own audit event aside),
	 * the audit chain verifies through the archive's head with the same hash, the rep
	 * logs in, a contact reveal returns the original number and the attachment downloads
	 * byte-identical. It runs last: its follow-up, recorded now, lies outside the demo's
	 * office hours that another test checks.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void aBackupRestoresIntoANewDataDirectoryWhereTheRepLogsInRevealsAndDownloads() throws Exception {
		Api api = new Api(this.port);
		String rep = api.login("east.sales1", "demo-password-for-tests");
		Map<String, Object> known = this.jdbc.sql("""
				select t.id as contact, t.phone_encrypted as phone, c.id as customer
				from contact t join customer c on c.id = t.customer_id
				where c.owner_id = (select id from employee where username = 'east.sales1')
				  and c.archived_at is null and t.archived_at is null and t.phone_encrypted is not null
				order by t.id limit 1""").query().singleRow();
		String phone = this.cipher.decrypt((byte[]) known.get("phone"), EncryptedColumns.CONTACT_PHONE);
		Api.Response visit = api.post(rep, "/api/v1/customers/" + known.get("customer") + "/follow-ups",
				Map.of("kind", "VISIT", "content", "上门拜访，拍了仓库门的照片"));
		assertThat(visit.status()).as("%s", visit).isEqualTo(201);
		byte[] photo = RestoredHoldfast.photo();
		Api.Response uploaded = new Multipart(this.port).upload(rep,
				"/api/v1/follow-ups/" + visit.id() + "/attachments", "file", "仓库门.png", "image/png", photo);
		assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
		Api.Response created = api.post(api.login("admin", TestData.ADMIN_PASSWORD), "/api/v1/admin/backups", Map.of());
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		Path archive = this.backups.dir().resolve(created.text("name"));
		Manifest manifest = ArchiveCheck.verify(archive, this.backups.secret()).manifest();
		assertThat(rows(manifest, "customer")).isEqualTo(count("select count(*) from customer")).isPositive();
		assertThat(rows(manifest, "follow_up_attachment")).isPositive();

		Path dataDir = Path.of("target", "test-data-restored").toAbsolutePath();
		FileSystemUtils.deleteRecursively(dataDir);
		RestoredHoldfast restored = RestoredHoldfast.start(archive, dataDir, this.backups.passphrase());
		try {
			JdbcClient copy = JdbcClient.create(new DriverManagerDataSource(ChildJvm.jdbcUrl(dataDir)));
			Map<String, Long> differing = new TreeMap<>();
			for (Manifest.Table table : manifest.tables()) {
				long now = copy.sql("select count(*) from \"" + table.name() + "\"").query(Long.class).single();
				if (now != table.rows()) {
					// the audit trail's month partitions count as the one table
					differing.merge(table.name().replaceFirst("^audit_event_.*$", "audit_event"), now - table.rows(),
							Long::sum);
				}
			}
			assertThat(differing).as("tables whose count differs from the archive's, by how much")
				.isEqualTo(Map.of("audit_event", 1L));
			assertThat(copy.sql("select action from audit_event where id > ?")
				.param(manifest.auditHead().id())
				.query(String.class)
				.list()).as("audited since the archive's head").containsExactly("BACKUP_RESTORED");

			Api served = new Api(restored.port());
			String restoredRep = served.login("east.sales1", "demo-password-for-tests");
			Api.Response reveal = served.post(restoredRep, "/api/v1/contacts/" + known.get("contact") + "/reveal",
					Map.of("field", "phone", "reason", "核对备份"));
			assertThat(reveal.status()).as("%s", reveal).isEqualTo(200);
			assertThat(reveal.text("value")).isEqualTo(phone);
			HttpResponse<byte[]> download = new Multipart(restored.port()).download(restoredRep,
					"/api/v1/attachments/" + uploaded.id());
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(download.body()).isEqualTo(photo);
			Api.Response chain = served.get(served.login("admin", TestData.ADMIN_PASSWORD),
					"/api/v1/audit-events/verify");
			assertThat(chain.body().get("ok").asBoolean()).as("%s", chain).isTrue();
			assertThat(chain.body().get("checked").asLong()).isGreaterThan(manifest.auditHead().id());
			assertThat(copy.sql("select hash from audit_event where id = ?")
				.param(manifest.auditHead().id())
				.query(String.class)
				.single()).isEqualTo(manifest.auditHead().hash());
		}
		finally {
			restored.stop();
			ChildJvm.stopOrphanedServer(dataDir);
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	private static long rows(Manifest manifest, String table) {
		return manifest.tables().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().rows();
	}

	@Test
	void runningAgainAddsNothing() throws Exception {
		List<Long> before = counts();
		this.demo.run(null);
		assertThat(counts()).isEqualTo(before);
	}

	private List<Long> counts() {
		return List.of(count("select count(*) from employee"), count("select count(*) from department"),
				count("select count(*) from customer"), count("select count(*) from contact"),
				count("select count(*) from follow_up"), count("select count(*) from care_visit"),
				count("select count(*) from complaint"));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
