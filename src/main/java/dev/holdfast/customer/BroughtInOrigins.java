package dev.holdfast.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads where a customer brought in came from: its {@code IMPORTED} owner-history entry
 * (written by {@link Ownership#recordBegun}, reason {@code imported (import:<id>)} or
 * {@code imported (demo)}) and its first revision.
 */
@Component
class BroughtInOrigins {

	private static final Pattern IMPORT = Pattern.compile("imported \\(import:(\\d+)\\)");

	/** The raw facts; names and links are the caller's. */
	record Origin(Instant began, Instant broughtInAt, long broughtInBy, Long importId, Long ownerId) {
	}

	private final JdbcClient jdbc;

	BroughtInOrigins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Origin> of(long customerId) {
		return this.jdbc.sql("""
				select h.changed_at, h.changed_by, h.new_owner_id, h.reason,
				       (select r.changed_at from customer_revision r
				        where r.customer_id = h.customer_id and r.version = 0 order by r.id limit 1)
				from customer_owner_history h
				where h.customer_id = ? and h.kind = ?
				order by h.changed_at, h.id limit 1""")
			.params(customerId, OwnerChangeKind.IMPORTED.name())
			.query((rs, n) -> {
				Instant at = rs.getTimestamp(1).toInstant();
				Timestamp began = rs.getTimestamp(5);
				Matcher source = IMPORT.matcher(rs.getString(4) == null ? "" : rs.getString(4));
				return new Origin(began == null ? at : began.toInstant(), at, rs.getLong(2),
						source.matches() ? Long.valueOf(source.group(1)) : null, rs.getObject(3, Long.class));
			})
			.optional();
	}

}
