package dev.holdfast.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.VisibleCustomers.Owners;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.NotFoundException;

/**
 * The one meaning of "overdue" (逾期). The dashboard, the reminders page and API, the
 * managers' team list, the daily digest and the weekly summary all ask this class.
 * <p>
 * A customer is <em>due</em> its level's interval ({@code holdfast.followup.rhythm}: A 7
 * days, B 15, C 30, D none) after the later of
 * <ul>
 * <li>its last substantive follow-up ({@code customer.last_followed_up_at}), and</li>
 * <li>the moment it came to its current owner: its latest change of owner (transfer,
 * handover, claim, assignment from the pool), else its creation.</li>
 * </ul>
 * It is <em>overdue</em> at an instant when it was due strictly before it. So a customer
 * that was never followed up counts from its creation or assignment, and one that comes
 * to a new owner gives them a full interval, as the pool's return clock does. Only
 * customers that are not archived, have an owner (not in the public pool) and have a
 * level with an interval are ever due. The sales status plays no part: a won customer is
 * kept by the same rhythm; a customer that needs none gets level D or is archived. A
 * next-contact date promised in a follow-up is not part of it: a promise whose time
 * passed is listed with the reminders as a missed promise, never counted as an overdue
 * customer.
 * <p>
 * Callers pass the owners the viewer may see; the customers counted are those they own.
 */
@Service
public class OverdueCustomers {

	private final JdbcClient jdbc;

	private final FollowUpRhythm rhythm;

	private final OrganizationManagement organization;

	OverdueCustomers(JdbcClient jdbc, FollowUpRhythm rhythm, OrganizationManagement organization) {
		this.jdbc = jdbc;
		this.rhythm = rhythm;
		this.organization = organization;
	}

	/**
	 * The overdue customers at {@code now} of each owner in the scope who has any, per
	 * level, most first.
	 */
	@Transactional(readOnly = true)
	public List<OwnerOverdue> byOwner(Owners owners, Instant now) {
		String sql = RhythmSql.countByOwner(this.rhythm, owners.all());
		if (sql == null || (!owners.all() && owners.ids().isEmpty())) {
			return List.of();
		}
		Map<Long, Map<CustomerLevel, Long>> counts = new LinkedHashMap<>();
		params(this.jdbc.sql(sql), owners, now).query((rs, n) -> {
			counts.computeIfAbsent(rs.getLong("owner_id"), id -> new EnumMap<>(CustomerLevel.class))
				.put(CustomerLevel.valueOf(rs.getString("level")), rs.getLong("n"));
			return n;
		}).list();
		Map<Long, String> names = this.organization.displayNames(counts.keySet());
		return counts.entrySet()
			.stream()
			.map(e -> new OwnerOverdue(e.getKey(), names.get(e.getKey()), Map.copyOf(e.getValue()),
					e.getValue().values().stream().mapToLong(Long::longValue).sum()))
			.sorted(Comparator.comparingLong(OwnerOverdue::total)
				.reversed()
				.thenComparing(OwnerOverdue::ownerName, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparingLong(OwnerOverdue::ownerId))
			.toList();
	}

	/** How many customers of the owners in the scope are overdue at {@code now}. */
	@Transactional(readOnly = true)
	public long count(Owners owners, Instant now) {
		return byOwner(owners, now).stream().mapToLong(OwnerOverdue::total).sum();
	}

	/**
	 * The customers of the owners in the scope due before {@code until}, earliest first,
	 * at most {@code max}; each says whether it is overdue at {@code now}.
	 */
	@Transactional(readOnly = true)
	public List<RhythmReminder> dueBefore(Owners owners, Instant now, Instant until, int max) {
		String sql = RhythmSql.listed(this.rhythm, owners.all());
		if (sql == null || (!owners.all() && owners.ids().isEmpty())) {
			return List.of();
		}
		Instant at = micros(now);
		return params(this.jdbc.sql(sql), owners, until).param("max", max).query((rs, n) -> {
			Instant due = rs.getTimestamp("due_at").toInstant();
			return new RhythmReminder(rs.getLong("id"), rs.getString("name"),
					CustomerLevel.valueOf(rs.getString("level")), rs.getLong("owner_id"), due, due.isBefore(at));
		}).list();
	}

	/** The customer's level, clock and due instant (null when it is not counted). */
	CustomerRhythm rhythmOf(long customerId, Instant now) {
		Instant at = micros(now);
		return this.jdbc.sql(RhythmSql.one(this.rhythm)).param("id", customerId).query((rs, n) -> {
			Instant due = instant(rs.getTimestamp("due_at"));
			return new CustomerRhythm(customerId, CustomerLevel.valueOf(rs.getString("level")),
					instant(rs.getTimestamp("since")), instant(rs.getTimestamp("last_followed_up_at")), due,
					due != null && due.isBefore(at));
		}).optional().orElseThrow(() -> new NotFoundException("customer"));
	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, Owners owners, Instant until) {
		return sql.param("until", Timestamp.from(micros(until)))
			.param("owners", owners.all() ? "{}"
					: owners.ids().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
	}

	/**
	 * The database keeps microseconds: an instant compared in Java must not keep more.
	 */
	private static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
