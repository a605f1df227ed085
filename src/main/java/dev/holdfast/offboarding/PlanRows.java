package dev.holdfast.offboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.followup.FollowUpConditions;

/**
 * Reading and editing the rows of a handover plan, and the counts its checklist needs.
 */
@Component
class PlanRows {

	private static final String OWNER = "coalesce(i.new_owner_id, i.proposed_owner_id)";

	/** How many customers without a note a refused handover names. */
	static final int MISSING_LISTED = 500;

	private final JdbcClient jdbc;

	PlanRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Filters for the plan table: a level, a current choice of owner, open rows only. */
	record Filter(String level, Long ownerId, boolean pendingOnly) {

		static Filter none() {
			return new Filter(null, null, false);
		}

	}

	List<PlanRow> page(long caseId, long leaverId, Filter filter, long offset, int limit) {
		return this.jdbc
			.sql("""
					select i.customer_id, c.name, c.level, i.proposed_owner_id, p.display_name as proposed_name,
					       i.proposal_reason, i.new_owner_id, %1$s as owner_id, o.display_name as owner_name,
					       %3$s as next_contact_at,
					       exists (select 1 from handover_note n where n.case_id = i.case_id
					               and n.customer_id = i.customer_id) as has_note,
					       i.done_at, i.outcome
					from handover_item i
					join customer_directory c on c.id = i.customer_id
					join employee_directory p on p.id = i.proposed_owner_id
					join employee_directory o on o.id = %1$s
					where i.case_id = :case %2$s
					order by c.level, c.name, i.customer_id
					offset :offset limit :limit""".formatted(OWNER, where(filter),
					FollowUpConditions.nextContactBy("i.customer_id", "c.owner_id", "leaver")))
			.param("case", caseId)
			.param("leaver", leaverId)
			.params(params(filter))
			.param("offset", offset)
			.param("limit", limit)
			.query(PlanRows::row)
			.list();
	}

	long count(long caseId, Filter filter) {
		return this.jdbc.sql("""
				select count(*) from handover_item i join customer_directory c on c.id = i.customer_id
				where i.case_id = :case %s""".formatted(where(filter)))
			.param("case", caseId)
			.params(params(filter))
			.query(Long.class)
			.single();
	}

	boolean contains(long caseId, long customerId) {
		return this.jdbc.sql("select exists (select 1 from handover_item where case_id = ? and customer_id = ?)")
			.params(caseId, customerId)
			.query(Boolean.class)
			.single();
	}

	Optional<String> customerName(long caseId, long customerId) {
		return this.jdbc.sql("""
				select c.name from handover_item i join customer_directory c on c.id = i.customer_id
				where i.case_id = ? and i.customer_id = ?""").params(caseId, customerId).query(String.class).optional();
	}

	/** Customers of the plan that are not handed over yet, among the given ones. */
	List<Long> pendingAmong(long caseId, List<Long> customerIds) {
		return this.jdbc.sql("""
				select customer_id from handover_item
				where case_id = :case and customer_id in (:ids) and done_at is null""")
			.param("case", caseId)
			.param("ids", customerIds)
			.query(Long.class)
			.list();
	}

	int choose(long caseId, List<PlanChange> changes, long by) {
		int changed = 0;
		for (PlanChange change : changes) {
			changed += this.jdbc.sql("""
					update handover_item set new_owner_id = ?, edited_by = ?, edited_at = now()
					where case_id = ? and customer_id = ? and done_at is null""")
				.params(change.newOwnerId(), by, caseId, change.customerId())
				.update();
		}
		return changed;
	}

	int chooseWhere(long caseId, Filter filter, long newOwnerId, long by) {
		return this.jdbc.sql("""
				update handover_item i set new_owner_id = :new, edited_by = :by, edited_at = now()
				from customer_directory c
				where c.id = i.customer_id and i.case_id = :case and i.done_at is null %s""".formatted(where(filter)))
			.param("new", newOwnerId)
			.param("by", by)
			.param("case", caseId)
			.params(params(filter))
			.update();
	}

	/** Open rows whose chosen owner is no longer ACTIVE. */
	List<Long> withInactiveOwner(long caseId) {
		return this.jdbc.sql("""
				select i.customer_id from handover_item i join employee_directory e on e.id = %s
				where i.case_id = ? and i.done_at is null and e.status <> 'ACTIVE'
				order by i.customer_id limit 50""".formatted(OWNER)).param(caseId).query(Long.class).list();
	}

	/** Sends every open row to one employee: what a departure does with what is left. */
	void sendRestTo(long caseId, long ownerId) {
		this.jdbc.sql("update handover_item set new_owner_id = ? where case_id = ? and done_at is null")
			.params(ownerId, caseId)
			.update();
	}

	/** Counts for the checklist, in one query. */
	Map<String, Object> counts(long caseId) {
		return this.jdbc.sql("""
				select count(*) as customers,
				       count(*) filter (where c.level in ('A', 'B')) as key_customers,
				       count(n.customer_id) as notes,
				       count(n.customer_id) filter (where c.level in ('A', 'B')) as key_notes,
				       count(*) filter (where i.done_at is not null) as done,
				       count(*) filter (where i.outcome = 'REASSIGNED' and c.level in ('A', 'B')) as key_reassigned,
				       count(*) filter (where e.status <> 'ACTIVE' and i.done_at is null) as inactive_owner
				from handover_item i
				join customer_directory c on c.id = i.customer_id
				join employee_directory e on e.id = %s
				left join handover_note n on n.case_id = i.case_id and n.customer_id = i.customer_id
				where i.case_id = ?""".formatted(OWNER)).param(caseId).query().singleRow();
	}

	/** Key (A/B) customers that still lack a note, for the manager. */
	List<Map<String, Object>> keyCustomersWithoutNote(long caseId, int limit) {
		return this.jdbc
			.sql("""
					select c.id as "customerId", c.name, c.level from handover_item i join customer_directory c on c.id = i.customer_id
					where i.case_id = ? and c.level in ('A', 'B')
					  and not exists (select 1 from handover_note n where n.case_id = i.case_id and n.customer_id = i.customer_id)
					order by c.level, c.name limit ?""")
			.params(caseId, limit)
			.query()
			.listOfRows();
	}

	/**
	 * Key (A/B) customers still to be handed over that have no note, at most
	 * {@value #MISSING_LISTED}, key customers first.
	 */
	List<MissingNote> keyPendingWithoutNote(long caseId) {
		return this.jdbc
			.sql("""
					select c.id, c.name, c.level from handover_item i join customer_directory c on c.id = i.customer_id
					where i.case_id = ? and i.done_at is null and c.level in ('A', 'B')
					  and not exists (select 1 from handover_note n where n.case_id = i.case_id and n.customer_id = i.customer_id)
					order by c.level, c.name, c.id limit ?""")
			.params(caseId, MISSING_LISTED)
			.query((rs, row) -> new MissingNote(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * How many customers of the plan have no note, and the first of them (key customers
	 * first): {@code [count, customerId]}, or empty when every one has a note.
	 */
	Optional<long[]> withoutNote(long caseId) {
		return this.jdbc
			.sql("""
					select count(*) over (), i.customer_id from handover_item i join customer_directory c on c.id = i.customer_id
					where i.case_id = ?
					  and not exists (select 1 from handover_note n where n.case_id = i.case_id and n.customer_id = i.customer_id)
					order by c.level, c.name, c.id limit 1""")
			.param(caseId)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.optional();
	}

	private static String where(Filter filter) {
		StringBuilder where = new StringBuilder();
		if (filter.level() != null) {
			where.append(" and c.level = :level");
		}
		if (filter.ownerId() != null) {
			where.append(" and " + OWNER + " = :owner");
		}
		if (filter.pendingOnly()) {
			where.append(" and i.done_at is null");
		}
		return where.toString();
	}

	private static Map<String, Object> params(Filter filter) {
		Map<String, Object> params = new HashMap<>();
		if (filter.level() != null) {
			params.put("level", filter.level());
		}
		if (filter.ownerId() != null) {
			params.put("owner", filter.ownerId());
		}
		return params;
	}

	private static PlanRow row(ResultSet rs, int row) throws SQLException {
		Timestamp next = rs.getTimestamp("next_contact_at");
		Timestamp done = rs.getTimestamp("done_at");
		return new PlanRow(rs.getLong("customer_id"), rs.getString("name"), rs.getString("level"),
				rs.getLong("proposed_owner_id"), rs.getString("proposed_name"), rs.getString("proposal_reason"),
				rs.getObject("new_owner_id", Long.class), rs.getLong("owner_id"), rs.getString("owner_name"),
				next == null ? null : next.toInstant(), rs.getBoolean("has_note"),
				done == null ? null : done.toInstant(), rs.getString("outcome"));
	}

}
