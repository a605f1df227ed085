package dev.holdfast.protection.encryption;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.UnreadableDataException;
import dev.holdfast.shared.crypto.UnreadableDataLog;
import dev.holdfast.audit.AuditAction;

/**
 * Writes {@code UNREADABLE_DATA} for a ciphertext that failed its integrity check, in a
 * transaction of its own: the table, the column and the row, found by the ciphertext
 * itself (a rare event, so a scan of the column is acceptable), and never a value.
 */
@Component
class UnreadableDataAudit implements UnreadableDataLog {

	private static final Logger log = LoggerFactory.getLogger(UnreadableDataAudit.class);

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	UnreadableDataAudit(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(UnreadableDataException failure, String method, String path) {
		EncryptedColumn column = failure.column();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("column", column == null ? "unknown" : column.column());
		facts.put("request", method + " " + path);
		List<Long> rows = column == null || failure.ciphertext() == null ? List.of() : rowsHolding(column, failure);
		if (rows.size() > 1) {
			facts.put("rows", rows);
		}
		this.audit.record(AuditAction.UNREADABLE_DATA, column == null ? "unknown" : column.table(),
				rows.isEmpty() ? null : rows.get(0), facts);
		log.warn("Unreadable ciphertext recorded: {}.{} row {}", column == null ? "?" : column.table(),
				column == null ? "?" : column.column(), rows);
	}

	private List<Long> rowsHolding(EncryptedColumn column, UnreadableDataException failure) {
		if (!IDENTIFIER.matcher(column.table()).matches() || !IDENTIFIER.matcher(column.column()).matches()) {
			return List.of();
		}
		return this.jdbc
			.sql("select id from " + column.table() + " where " + column.column() + " = ? order by id limit 10")
			.param(failure.ciphertext())
			.query(Long.class)
			.list();
	}

}
