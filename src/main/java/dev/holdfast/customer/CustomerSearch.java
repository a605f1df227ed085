package dev.holdfast.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.contact.ContactIndex;
import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.PageRequest;

/**
 * The customer list in SQL, restricted by the visibility rule of
 * {@link CustomerVisibility}: customers whose owner the caller's scope covers, united
 * with those they are an unexpired member of. Each part of the union can use an index
 * ordered by last change, so the first page stays fast at a million customers.
 */
@Component
class CustomerSearch {

	private static final String COLUMNS = "c.id, c.name, c.kind, c.level, c.status, c.industry, c.region, "
			+ "c.owner_id, c.updated_at";

	private final JdbcClient jdbc;

	private final ContactIndex index;

	private final int exactTotalLimit;

	private final int exactSearchTotalLimit;

	private final int searchWalk;

	CustomerSearch(JdbcClient jdbc, ContactIndex index, CustomerListProperties properties) {
		this.jdbc = jdbc;
		this.index = index;
		this.exactTotalLimit = properties.exactTotalLimit();
		this.exactSearchTotalLimit = properties.exactSearchTotalLimit();
		this.searchWalk = properties.searchWalk();
	}

	/**
	 * @param walkSql for a name search, the first page found among the newest
	 * {@code :walk} visible customers through the index on last change, without the
	 * bigram index; null for other queries
	 * @param countLimit how far the total is counted exactly: the exact-total limit, for
	 * a name search the lower exact-search-total limit
	 */
	record Statement(String pageSql, String countSql, String walkSql, Map<String, Object> params, int countLimit) {
	}

	/** A total: exact, or the lower bound {@code limit} when there are more. */
	record Total(long value, boolean exact) {

		/**
		 * This total corrected by what a page of {@code size} at {@code offset} showed:
		 * past the bound, a page with rows says how many there are at least, and one that
		 * is not full how many there are exactly. An empty page says nothing: its offset
		 * may lie beyond the last customer (a page number far past the end must not make
		 * the total "at least" that offset).
		 */
		Total seenOnPage(long offset, int rows, int size) {
			if (this.exact || rows == 0) {
				return this;
			}
			long seen = offset + rows;
			return rows < size ? new Total(seen, true) : new Total(Math.max(this.value, seen), false);
		}

	}

	List<CustomerSummary> page(Statement statement) {
		return this.jdbc.sql(statement.pageSql()).params(statement.params()).query(CustomerSearch::summary).list();
	}

	/**
	 * The first page of a name search, looked for among the newest visible customers
	 * first: when they hold a full page of matches, those are the newest matches of all
	 * (every customer not walked is older), found through the index on last change
	 * without the bigram query; otherwise the page query answers.
	 */
	List<CustomerSummary> firstPage(Statement statement) {
		if (statement.walkSql() != null) {
			List<CustomerSummary> walked = this.jdbc.sql(statement.walkSql())
				.params(statement.params())
				.param("walk", this.searchWalk)
				.query(CustomerSearch::summary)
				.list();
			if (walked.size() == (int) statement.params().get("limit")) {
				return walked;
			}
		}
		return page(statement);
	}

	/**
	 * The total of the statement's rows, counted up to the statement's limit: each part
	 * of the union stops one row after it, so a manager of half a million customers waits
	 * for ten thousand rows, not for all of them, and a name search matching thousands
	 * for a thousand.
	 */
	Total count(Statement statement) {
		int limit = statement.countLimit();
		long counted = this.jdbc.sql(statement.countSql())
			.params(statement.params())
			.param("countLimit", limit + 1)
			.query(Long.class)
			.single();
		return counted > limit ? new Total(limit, false) : new Total(counted, true);
	}

	/**
	 * The SQL for one page and for the total, visible to {@code me} with {@code scope}.
	 */
	Statement statement(long me, OwnerScope scope, CustomerQuery query, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		params.put("me", me);
		params.put("limit", page.size());
		params.put("offset", page.offset());
		params.put("window", page.offset() + page.size());
		Filters filters = filters(query, params);
		Parts parts = parts(filters.all(), scope, params);
		String order = " order by updated_at desc, id desc";
		String union = parts.union(order, ":window");
		String pageSql = "select * from (" + union + ") v" + order + " limit :limit offset :offset";
		String countSql = "select " + String.join(" + ", parts.all().stream().map(Part::counted).toList());
		String walkSql = null;
		if (!filters.name().isEmpty()) {
			// the same union without the name condition, cut to the newest :walk
			// customers, then matched by name
			String unnamed = parts(filters.others(), scope, new HashMap<>()).union(order, ":walk");
			walkSql = "select * from (select * from (" + unnamed + ") u" + order + " limit :walk) w"
					+ " where lower(w.name) like :pattern" + order + " limit :limit";
		}
		int countLimit = filters.name().isEmpty() ? this.exactTotalLimit
				: Math.min(this.exactSearchTotalLimit, this.exactTotalLimit);
		return new Statement(pageSql, countSql, walkSql, params, countLimit);
	}

	/**
	 * The parts of the visibility union under the filters: by the caller's scope, by
	 * membership (without scope everyone), and the caller's own canaries.
	 */
	private static Parts parts(String common, OwnerScope scope, Map<String, Object> params) {
		// personal canaries are left out of every part but the caller's own canaries
		String filters = common + " and c.canary_owner_id is null";
		Part ownCanaries = new Part(COLUMNS.replace("c.owner_id", "c.canary_owner_id as owner_id"),
				" from customer c where c.canary_owner_id = :me and "
						+ common.replace("c.owner_id", "c.canary_owner_id"));
		if (scope.all()) {
			return new Parts(List.of(new Part(COLUMNS, " from customer c where " + filters), ownCanaries));
		}
		params.put("owners", scope.ownerIds());
		// an owned customer is never a canary (ck_customer_canary_unowned), so this part
		// needs no canary condition, and its count reads the index on owner and last
		// change alone (an index-only scan: the canary column is not in that index)
		Part byScope = new Part(COLUMNS, " from customer c where " + common + " and c.owner_id in (:owners)");
		// customers the caller is a member of but does not already see through a scope:
		// the two parts never overlap, so they add up without the cost of removing
		// duplicates
		Part byMembership = new Part(COLUMNS,
				" from customer c join customer_member m on m.customer_id = c.id"
						+ " where m.employee_id = :me and m.removed_at is null"
						+ " and (m.expires_at is null or m.expires_at > now()) and " + filters
						+ " and (c.owner_id is null or c.owner_id not in (:owners))");
		return new Parts(List.of(byScope, byMembership, ownCanaries));
	}

	/** One part of the union: what it selects, and from where under which conditions. */
	private record Part(String columns, String from) {

		String rows() {
			return "select " + this.columns + this.from;
		}

		/** The count of the part's rows, stopping after {@code :countLimit}. */
		String counted() {
			return "(select count(*) from (select 1" + this.from + " limit :countLimit) n)";
		}

	}

	private record Parts(List<Part> all) {

		/** Each part's newest {@code limit} rows, as one union. */
		String union(String order, String limit) {
			return String.join(" union all ",
					this.all.stream().map(p -> "(" + p.rows() + order + " limit " + limit + ")").toList());
		}

	}

	/**
	 * The list's conditions: {@code name} is the name search (empty without one), and
	 * {@code others} the rest.
	 */
	private record Filters(String others, String name) {

		String all() {
			return this.others + this.name;
		}

	}

	private Filters filters(CustomerQuery query, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(
				query.archived() ? "c.archived_at is not null" : "c.archived_at is null");
		if (query.level() != null) {
			where.append(" and c.level = :level");
			params.put("level", query.level().name());
		}
		if (query.ownerId() != null) {
			where.append(" and c.owner_id = :ownerId");
			params.put("ownerId", query.ownerId());
		}
		String q = query.q() == null ? "" : query.q().strip();
		if (q.isEmpty()) {
			return new Filters(where.toString(), "");
		}
		// phone and e-mail are stored encrypted: only an exact match, through the blind
		// index
		byte[] phone = q.matches("[+\\d][\\d\\s-]{6,}") ? this.index.phone(q) : null;
		byte[] email = q.contains("@") ? this.index.email(q) : null;
		if (phone != null || email != null) {
			where.append(" and c.id in (select ct.customer_id from contact ct where ct.")
				.append(phone != null ? "phone_index" : "email_index")
				.append(" = :contactIndex and ct.archived_at is null)");
			params.put("contactIndex", phone != null ? phone : email);
			params.put("contactField", phone != null ? "phone" : "email");
			return new Filters(where.toString(), "");
		}
		params.put("pattern", "%" + escapeLike(q.toLowerCase(java.util.Locale.ROOT)) + "%");
		StringBuilder name = new StringBuilder();
		if (q.codePointCount(0, q.length()) >= 2) {
			name.append(" and text_bigrams(c.name) @> text_bigrams(:q)");
			params.put("q", q);
		}
		name.append(" and lower(c.name) like :pattern");
		return new Filters(where.toString(), name.toString());
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static CustomerSummary summary(ResultSet rs, int row) throws SQLException {
		return new CustomerSummary(rs.getLong("id"), rs.getString("name"), CustomerKind.valueOf(rs.getString("kind")),
				CustomerLevel.valueOf(rs.getString("level")), CustomerStatus.valueOf(rs.getString("status")),
				rs.getString("industry"), rs.getString("region"), rs.getObject("owner_id", Long.class), null,
				rs.getTimestamp("updated_at").toInstant());
	}

}
