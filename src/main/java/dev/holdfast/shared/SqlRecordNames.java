package dev.holdfast.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one shape of {@link RecordNames}: a query of the owning module's own table that
 * selects the id and what names a row, narrowed by the module's visibility rule for the
 * caller ({@link #visible()}). A module says which table, which columns and which rule;
 * the asking, the empty cases, the pick-list and the name search are done here once.
 */
public class SqlRecordNames implements RecordNames {

	/** Beyond this many records a kind's pick-list is left empty. */
	protected static final int PICK_LIST_LIMIT = 2000;

	private static final int SEARCH_LIMIT = 20;

	private final JdbcClient jdbc;

	private final String type;

	private final Source source;

	private final People people;

	/** Names of a kind everyone who reads the trail may see, from one query. */
	public SqlRecordNames(JdbcClient jdbc, String type, Source source) {
		this(jdbc, type, source, null);
	}

	/**
	 * Names that end with an employee's: the last of the source's columns holds the
	 * employee's id (the requester of an export, the one who leaves), named by
	 * {@code people}.
	 */
	public SqlRecordNames(JdbcClient jdbc, String type, Source source, People people) {
		this.jdbc = jdbc;
		this.type = type;
		this.source = source;
		this.people = people;
	}

	/**
	 * Where names come from: {@code columns} after the row's id (the first column is what
	 * is searched by name), the {@code from} clause, the alias of the named table, and
	 * whether every record is offered as a pick-list (small kinds).
	 */
	public record Source(String columns, String from, String alias, boolean offered) {

		public static Source of(String columns, String from, String alias) {
			return new Source(columns, from, alias, false);
		}

		/** The same source, offered as a pick-list. */
		public Source listed() {
			return new Source(this.columns, this.from, this.alias, true);
		}

	}

	/** Employees' names by id, from the module that owns them. */
	@FunctionalInterface
	public interface People {

		Map<Long, String> displayNames(Collection<Long> ids);

	}

	/**
	 * An SQL condition on the named rows the caller may see, with its named parameters.
	 */
	public record Visible(String sql, Map<String, Object> params) {

		/** Every row: records everyone who reads the trail may see named. */
		public static final Visible ALL = new Visible("true", Map.of());

		/** No row: the caller sees only kinds and numbers. */
		public static final Visible NONE = new Visible("false", Map.of());

		/** Every row to a caller who may read the records themselves, else none. */
		public static Visible when(boolean mayRead) {
			return mayRead ? ALL : NONE;
		}

	}

	@Override
	public String type() {
		return this.type;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> namesOf(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return seen(query(this.source.alias() + ".id in (:ids)", Map.of("ids", ids), ""));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> pickList() {
		if (!this.source.offered()) {
			return Map.of();
		}
		Map<Long, String> all = query("true", Map.of(), " order by 2, 1 limit " + (PICK_LIST_LIMIT + 1));
		return all.size() > PICK_LIST_LIMIT ? Map.of() : seen(all);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> search(String text) {
		if (text == null || text.isBlank()) {
			return Map.of();
		}
		String pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		String first = this.source.columns().split(",")[0];
		return seen(
				query(first + " ilike :pattern", Map.of("pattern", pattern), " order by 2, 1 limit " + SEARCH_LIMIT));
	}

	/** The rows of this kind the caller may see, as a condition on the named table. */
	protected Visible visible() {
		return Visible.ALL;
	}

	/** A row's name; by default its first named column. */
	protected String name(ResultSet row) throws SQLException {
		return row.getString(2);
	}

	/**
	 * Called with the names about to be handed out, e.g. to meter them as reads of
	 * customer data or to add names from another module.
	 */
	protected Map<Long, String> seen(Map<Long, String> names) {
		return names;
	}

	private Map<Long, String> query(String where, Map<String, Object> params, String tail) {
		Visible visible = visible();
		Map<Long, String> names = new LinkedHashMap<>();
		if (visible == Visible.NONE) {
			return names;
		}
		Map<String, Object> all = new HashMap<>(visible.params());
		all.putAll(params);
		Map<Long, Long> persons = new HashMap<>();
		this.jdbc
			.sql("select " + this.source.alias() + ".id, " + this.source.columns() + " from " + this.source.from()
					+ " where " + where + " and " + visible.sql() + tail)
			.params(all)
			.query((rs, n) -> {
				if (this.people != null) {
					persons.put(rs.getLong(1), rs.getLong(rs.getMetaData().getColumnCount()));
				}
				return names.put(rs.getLong(1), name(rs));
			})
			.list();
		return persons.isEmpty() ? names : withPeople(names, persons);
	}

	private Map<Long, String> withPeople(Map<Long, String> names, Map<Long, Long> persons) {
		Map<Long, String> people = this.people.displayNames(new HashSet<>(persons.values()));
		Map<Long, String> named = new LinkedHashMap<>();
		names.forEach((id, name) -> {
			String person = people.get(persons.get(id));
			String full = name == null ? person : person == null ? name : name + " · " + person;
			if (full != null) {
				named.put(id, full);
			}
		});
		return named;
	}

}
