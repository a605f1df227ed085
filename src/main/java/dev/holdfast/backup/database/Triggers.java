package dev.holdfast.backup.database;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Triggers off while a restore loads rows that already went through them once (a trigger
 * that keeps versions would write them twice; append-only guards would refuse the load of
 * Flyway's history). A superuser skips every trigger, foreign keys included, for the
 * transaction; a table owner turns its tables' own triggers off and relies on the load
 * order for foreign keys.
 */
final class Triggers {

	private final JdbcClient jdbc;

	private final boolean replica;

	private final List<String> disabled;

	private Triggers(JdbcClient jdbc, boolean replica, List<String> disabled) {
		this.jdbc = jdbc;
		this.replica = replica;
		this.disabled = disabled;
	}

	static Triggers off(JdbcClient jdbc, List<String> tables) {
		boolean superuser = jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single();
		jdbc.sql("set constraints all deferred").update();
		if (superuser) {
			jdbc.sql("set local session_replication_role = replica").update();
			return new Triggers(jdbc, true, List.of());
		}
		tables.forEach(table -> jdbc.sql("alter table " + Catalog.quote(table) + " disable trigger user").update());
		return new Triggers(jdbc, false, tables);
	}

	void on() {
		this.disabled
			.forEach(table -> this.jdbc.sql("alter table " + Catalog.quote(table) + " enable trigger user").update());
		if (this.replica) {
			this.jdbc.sql("set local session_replication_role = origin").update();
		}
	}

}
