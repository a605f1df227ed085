package dev.holdfast.backup.database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Holdfast's tables and sequences as PostgreSQL's catalog lists them (the current
 * schema), so that backup and restore name no table of any module: whatever the
 * migrations created is dumped and loaded.
 */
final class Catalog {

	private Catalog() {
	}

	/** Ordinary tables, parents before the tables whose foreign keys point at them. */
	static List<String> tablesInLoadOrder(JdbcClient jdbc) {
		List<String> tables = jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind = 'r' order by c.relname""")
			.query(String.class)
			.list();
		Map<String, Set<String>> parents = new TreeMap<>();
		jdbc.sql("""
				select child.relname as child, parent.relname as parent
				from pg_constraint k
				join pg_class child on child.oid = k.conrelid
				join pg_class parent on parent.oid = k.confrelid
				join pg_namespace n on n.oid = child.relnamespace
				where k.contype = 'f' and n.nspname = current_schema() and child.oid <> parent.oid""")
			.query((rs, n) -> Map.entry(rs.getString("child"), rs.getString("parent")))
			.list()
			.forEach(edge -> parents.computeIfAbsent(edge.getKey(), k -> new TreeSet<>()).add(edge.getValue()));
		return order(tables, parents);
	}

	/**
	 * The partitioned table a table is a partition of and its bound, or empty for a table
	 * that is no partition.
	 */
	static java.util.Optional<Map.Entry<String, String>> partition(JdbcClient jdbc, String table) {
		return jdbc.sql("""
				select parent.relname, pg_get_expr(c.relpartbound, c.oid)
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				join pg_inherits i on i.inhrelid = c.oid join pg_class parent on parent.oid = i.inhparent
				where n.nspname = current_schema() and c.relname = ? and c.relispartition""")
			.param(table)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.optional();
	}

	static List<String> columns(JdbcClient jdbc, String table) {
		return jdbc.sql("""
				select a.attname from pg_attribute a
				join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relname = ? and a.attnum > 0 and not a.attisdropped
				  and a.attgenerated = ''
				order by a.attnum""").param(table).query(String.class).list();
	}

	static List<String> sequences(JdbcClient jdbc) {
		return jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind = 'S' order by c.relname""")
			.query(String.class)
			.list();
	}

	/** Relations of any kind in the current schema: zero means an empty database. */
	static long relations(JdbcClient jdbc) {
		return jdbc.sql("""
				select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')""")
			.query(Long.class)
			.single();
	}

	/** A quoted identifier. */
	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	static String columnList(List<String> columns) {
		return String.join(", ", columns.stream().map(Catalog::quote).toList());
	}

	/** Topological order; tables in a cycle of foreign keys come last, by name. */
	private static List<String> order(List<String> tables, Map<String, Set<String>> parents) {
		Set<String> placed = new LinkedHashSet<>();
		Map<String, Set<String>> waiting = new HashMap<>();
		tables.forEach(t -> waiting.put(t, new TreeSet<>(parents.getOrDefault(t, Set.of()))));
		waiting.values().forEach(p -> p.retainAll(tables));
		boolean progress = true;
		while (progress) {
			progress = false;
			for (String table : tables) {
				if (!placed.contains(table) && placed.containsAll(waiting.get(table))) {
					placed.add(table);
					progress = true;
				}
			}
		}
		List<String> ordered = new ArrayList<>(placed);
		tables.stream().filter(t -> !placed.contains(t)).forEach(ordered::add);
		return ordered;
	}

}
