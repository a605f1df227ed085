package dev.holdfast.imports.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.holdfast.imports.ColumnMapping;
import dev.holdfast.imports.ImportChoices;
import dev.holdfast.imports.ImportFormat;
import dev.holdfast.imports.ImportHeader;
import dev.holdfast.imports.ImportStatus;
import dev.holdfast.imports.ImportView;

/**
 * The imports ({@code import_file}): the file's name, format, header and mapping (column
 * and field names, never a cell), the importer, the preview's counts, the choices and the
 * commit's progress.
 */
@Repository
public class ImportFiles {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ImportFiles(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * An import and whose it is; the importer's request for a larger allowance of
	 * duplicate checks, and the values approved (null: none).
	 */
	public record Stored(long importerId, ImportView view, Long allowanceRequestId, Long allowedChecks) {

	}

	/** The preview's counts by verdict. */
	public record Counts(long rows, long fresh, long duplicates, long duplicatesInFile, long invalid) {

	}

	public long insert(long importerId, String fileName, ImportFormat format, ImportHeader header,
			ColumnMapping mapping, Instant now) {
		return this.jdbc.sql("""
				insert into import_file (importer_id, file_name, format, header, mapping, status, created_at)
				values (?, ?, ?, ?, ?, 'PREVIEWED', ?) returning id""")
			.params(importerId, fileName, format.name(), this.json.writeValueAsString(header),
					this.json.writeValueAsString(mapping), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	public void counted(long id, Counts counts) {
		this.jdbc.sql("""
				update import_file set total_rows = ?, fresh_rows = ?, duplicate_rows = ?, in_file_rows = ?,
				    invalid_rows = ? where id = ?""")
			.params(counts.rows(), counts.fresh(), counts.duplicates(), counts.duplicatesInFile(), counts.invalid(), id)
			.update();
	}

	/** The corrected mapping of a previewed import. */
	public void remapped(long id, ColumnMapping mapping) {
		this.jdbc.sql("update import_file set mapping = ? where id = ?")
			.params(this.json.writeValueAsString(mapping), id)
			.update();
	}

	/** The importer asked for a larger allowance of duplicate checks (the request). */
	public void allowanceRequested(long id, long requestId) {
		this.jdbc.sql("update import_file set allowance_request_id = ? where id = ?").params(requestId, id).update();
	}

	/** An administrator approved that many more values for the import's previews. */
	public void allowed(long id, long values) {
		this.jdbc.sql("update import_file set allowed_checks = coalesce(allowed_checks, 0) + ? where id = ?")
			.params(values, id)
			.update();
	}

	public Optional<Stored> find(long id) {
		return this.jdbc.sql("select * from import_file where id = ?").param(id).query(this::stored).optional();
	}

	/** Locks the import's row until commit: one commit at a time starts. */
	public Optional<Stored> lock(long id) {
		return this.jdbc.sql("select * from import_file where id = ? for update")
			.param(id)
			.query(this::stored)
			.optional();
	}

	public List<Stored> of(long importerId, int limit) {
		return this.jdbc.sql("select * from import_file where importer_id = ? order by id desc limit ?")
			.params(importerId, limit)
			.query(this::stored)
			.list();
	}

	public void committing(long id, ImportChoices choices) {
		this.jdbc.sql("update import_file set status = 'COMMITTING', choices = ? where id = ?")
			.params(this.json.writeValueAsString(choices), id)
			.update();
	}

	/** Adds one chunk's outcome to the progress. */
	public void progressed(long id, long done, long created, long merged, long skipped) {
		this.jdbc.sql("""
				update import_file set done_rows = done_rows + ?, created_rows = created_rows + ?,
				    merged_rows = merged_rows + ?, skipped_rows = skipped_rows + ? where id = ?""")
			.params(done, created, merged, skipped, id)
			.update();
	}

	public void ended(long id, ImportStatus status, Instant now) {
		this.jdbc.sql("update import_file set status = ?, committed_at = ? where id = ?")
			.params(status.name(), status == ImportStatus.COMMITTED ? Timestamp.from(now) : null, id)
			.update();
	}

	/**
	 * Imports a stopped process left committing: they stopped, and may be committed
	 * again.
	 */
	public List<Long> failAbandoned() {
		return this.jdbc.sql("update import_file set status = 'FAILED' where status = 'COMMITTING' returning id")
			.query(Long.class)
			.list();
	}

	private Stored stored(ResultSet rs, int row) throws SQLException {
		String choices = rs.getString("choices");
		Timestamp committed = rs.getTimestamp("committed_at");
		ImportView view = new ImportView(rs.getLong("id"), rs.getString("file_name"),
				ImportFormat.valueOf(rs.getString("format")), ImportStatus.valueOf(rs.getString("status")),
				this.json.readValue(rs.getString("header"), ImportHeader.class),
				this.json.readValue(rs.getString("mapping"), ColumnMapping.class), rs.getLong("total_rows"),
				rs.getLong("fresh_rows"), rs.getLong("duplicate_rows"), rs.getLong("in_file_rows"),
				rs.getLong("invalid_rows"), rs.getLong("done_rows"), rs.getLong("created_rows"),
				rs.getLong("merged_rows"), rs.getLong("skipped_rows"),
				choices == null ? null : this.json.readValue(choices, ImportChoices.class),
				rs.getTimestamp("created_at").toInstant(), committed == null ? null : committed.toInstant());
		return new Stored(rs.getLong("importer_id"), view, (Long) rs.getObject("allowance_request_id"),
				(Long) rs.getObject("allowed_checks"));
	}

}
