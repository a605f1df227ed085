package dev.holdfast.imports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.shared.PageRequest;

import static org.awaitility.Awaitility.await;

/**
 * Drives the import service as a test does: preview a file, commit it and wait for the
 * background job, read the rows and what the database holds.
 */
public final class Importing {

	private final Imports imports;

	private final JdbcClient jdbc;

	private final Path dir;

	public Importing(Imports imports, JdbcClient jdbc, Path dir) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.dir = dir;
	}

	public ImportView preview(String name, byte[] content) {
		return this.imports.preview(ImportFixtures.file(this.dir, name, content), name, null);
	}

	public ImportView preview(String name, byte[] content, Map<Integer, ImportField> mapping) {
		return this.imports.preview(ImportFixtures.file(this.dir, name, content), name, mapping);
	}

	/** Commits and waits until the job ends (committed or failed). */
	public ImportView commit(long id, ImportChoices choices) {
		this.imports.commit(id, choices);
		return ended(id);
	}

	public ImportView ended(long id) {
		await().pollInSameThread()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.imports.get(id).status() != ImportStatus.COMMITTING);
		return this.imports.get(id);
	}

	public List<ImportRowView> rows(long id) {
		return this.imports.rows(id, null, PageRequest.of(0, 200)).items();
	}

	/** The ids of the (company) customers of this name: one after a good import. */
	public List<Long> customersNamed(String name) {
		return this.jdbc.sql("select id from customer where name = ? and archived_at is null")
			.param(name)
			.query(Long.class)
			.list();
	}

	public Long ownerOf(long customerId) {
		return this.jdbc.sql("select owner_id from customer where id = ?").param(customerId).query(Long.class).single();
	}

	public long contactsOf(long customerId) {
		return this.jdbc.sql("select count(*) from contact where customer_id = ?")
			.param(customerId)
			.query(Long.class)
			.single();
	}

	/** The names of a customer's contacts, in the order they were written. */
	public List<String> contactNamesOf(long customerId) {
		return this.jdbc.sql("select name from contact where customer_id = ? order by id")
			.param(customerId)
			.query(String.class)
			.list();
	}

	public long followUpsOf(long customerId) {
		return this.jdbc.sql("select count(*) from follow_up where customer_id = ?")
			.param(customerId)
			.query(Long.class)
			.single();
	}

	public static ImportChoices skipAndKeep() {
		return new ImportChoices(ImportChoices.DuplicateChoice.SKIP, ImportChoices.OwnerChoice.ME, null);
	}

}
