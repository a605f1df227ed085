package dev.holdfast.imports.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.holdfast.imports.CellProblem;
import dev.holdfast.imports.RowVerdict;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;

/**
 * The rows of the imports ({@code import_row}): each row's verdict, its problems by
 * column, its cells (encrypted), the customer it duplicates when the importer may see it,
 * and once committed what became of it. A row marked done is never written again.
 */
@Repository
public class ImportRows {

	private static final String REFUSED = "verdict <> 'NEW' and coalesce(outcome, '') not in ('MERGED', 'CREATED')";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final RowCells cells;

	ImportRows(JdbcClient jdbc, JdbcTemplate batch, RowCells cells) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.cells = cells;
	}

	public void insertAll(long importId, List<StoredRow> rows) {
		this.batch.batchUpdate("""
				insert into import_row (import_id, number, verdict, problems, cells_encrypted, existing_customer_id,
				    matched_phones, owner_id, first_row) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(),
				(ps, row) -> {
					ps.setLong(1, importId);
					ps.setLong(2, row.number());
					ps.setString(3, row.verdict().name());
					ps.setString(4, problems(row.problems()));
					ps.setBytes(5, this.cells.seal(row.cells()));
					ps.setObject(6, row.existingCustomerId(), Types.BIGINT);
					ps.setString(7, matched(row));
					ps.setObject(8, row.ownerId(), Types.BIGINT);
					ps.setObject(9, row.firstRow(), Types.BIGINT);
				});
	}

	/** The next rows of an import in file order after {@code afterId}, done or not. */
	/** How many rows of the import have the verdict. */
	public long count(long importId, RowVerdict.Verdict verdict) {
		return this.jdbc.sql("select count(*) from import_row where import_id = ? and verdict = ?")
			.params(importId, verdict.name())
			.query(Long.class)
			.single();
	}

	public List<StoredRow> after(long importId, long afterId, int limit) {
		return this.jdbc.sql("select * from import_row where import_id = ? and id > ? order by id limit ?")
			.params(importId, afterId, limit)
			.query(this::row)
			.list();
	}

	/**
	 * Stores the verdicts of rows classified again (a corrected mapping): everything the
	 * preview found, by the rows' keys; their cells stay as they are.
	 */
	public void reclassified(List<StoredRow> rows) {
		this.batch.batchUpdate("""
				update import_row set verdict = ?, problems = ?, existing_customer_id = ?, matched_phones = ?,
				    owner_id = ?, first_row = ? where id = ?""", rows, rows.size(), (ps, row) -> {
			ps.setString(1, row.verdict().name());
			ps.setString(2, problems(row.problems()));
			ps.setObject(3, row.existingCustomerId(), Types.BIGINT);
			ps.setString(4, matched(row));
			ps.setObject(5, row.ownerId(), Types.BIGINT);
			ps.setObject(6, row.firstRow(), Types.BIGINT);
			ps.setLong(7, row.id());
		});
	}

	private static String matched(StoredRow row) {
		return row.matchedPhones().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
	}

	/** The next rows the commit has not finished, in file order after {@code afterId}. */
	public List<StoredRow> open(long importId, long afterId, int limit) {
		return this.jdbc.sql("""
				select * from import_row where import_id = ? and done_at is null and id > ? order by id limit ?""")
			.params(importId, afterId, limit)
			.query(this::row)
			.list();
	}

	/**
	 * Marks rows done with what became of them, in the caller's (the chunk's)
	 * transaction.
	 */
	public void done(List<StoredRow> rows, Instant now) {
		if (rows.isEmpty()) {
			return;
		}
		// one statement for the chunk, not one per row
		this.jdbc.sql("""
				update import_row r set outcome = d.outcome, customer_id = d.customer_id, done_at = :now
				from unnest(:ids::bigint[], :outcomes::text[], :customers::bigint[]) as d (id, outcome, customer_id)
				where r.id = d.id""")
			.param("ids", rows.stream().map(StoredRow::id).toArray(Long[]::new))
			.param("outcomes", rows.stream().map(row -> row.outcome().name()).toArray(String[]::new))
			.param("customers", rows.stream().map(StoredRow::customerId).toArray(Long[]::new))
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * The rows of an import with these numbers that the commit has finished, by number:
	 * the earlier rows whose customer later rows of the same customer belong to.
	 */
	public Map<Long, StoredRow> doneByNumber(long importId, java.util.Collection<Long> numbers) {
		if (numbers.isEmpty()) {
			return Map.of();
		}
		return this.jdbc
			.sql("select * from import_row where import_id = :id and number in (:numbers) and done_at is not null")
			.param("id", importId)
			.param("numbers", numbers)
			.query(this::row)
			.stream()
			.collect(Collectors.toMap(StoredRow::number, r -> r));
	}

	public PageResult<StoredRow> page(long importId, RowVerdict.Verdict verdict, PageRequest page) {
		String where = "import_id = :id" + (verdict == null ? "" : " and verdict = :verdict");
		long total = this.jdbc.sql("select count(*) from import_row where " + where)
			.param("id", importId)
			.param("verdict", verdict == null ? null : verdict.name())
			.query(Long.class)
			.single();
		List<StoredRow> rows = this.jdbc
			.sql("select * from import_row where " + where + " order by number limit :limit offset :offset")
			.param("id", importId)
			.param("verdict", verdict == null ? null : verdict.name())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::row)
			.list();
		return new PageResult<>(rows, page.page(), page.size(), total);
	}

	/**
	 * The next refused rows (neither created nor merged) after a row number, in file
	 * order.
	 */
	public List<StoredRow> refused(long importId, long afterNumber, int limit) {
		return this.jdbc
			.sql("select * from import_row where import_id = ? and number > ? and " + REFUSED
					+ " order by number limit ?")
			.params(importId, afterNumber, limit)
			.query(this::row)
			.list();
	}

	private StoredRow row(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		String matched = rs.getString("matched_phones");
		return new StoredRow(rs.getLong("id"), rs.getLong("number"),
				RowVerdict.Verdict.valueOf(rs.getString("verdict")), problems(rs.getString("problems")),
				this.cells.open(rs.getBytes("cells_encrypted")), rs.getObject("existing_customer_id", Long.class),
				matched.isEmpty() ? Set.of()
						: Arrays.stream(matched.split(",")).map(Integer::valueOf).collect(Collectors.toSet()),
				rs.getObject("owner_id", Long.class), outcome == null ? null : StoredRow.Outcome.valueOf(outcome),
				rs.getObject("customer_id", Long.class), rs.getObject("first_row", Long.class));
	}

	static String problems(Map<Integer, CellProblem> problems) {
		return problems.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> e.getKey() + ":" + e.getValue().name())
			.collect(Collectors.joining(","));
	}

	static Map<Integer, CellProblem> problems(String text) {
		Map<Integer, CellProblem> problems = new LinkedHashMap<>();
		if (!text.isEmpty()) {
			for (String pair : text.split(",")) {
				String[] parts = pair.split(":", 2);
				problems.put(Integer.valueOf(parts[0]), CellProblem.valueOf(parts[1]));
			}
		}
		return problems;
	}

}
