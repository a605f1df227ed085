package dev.holdfast.backup.database;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import dev.holdfast.backup.archive.BackupRefusedException;
import dev.holdfast.backup.archive.Manifest;

/**
 * Tables that a library creates when the application starts rather than a migration:
 * Spring Modulith's event publication registry. A restore creates them from the same
 * scripts before loading; any table of the archive still missing then stops it.
 */
final class LibrarySchemas {

	private static final List<String> SCRIPTS = List.of(
			"org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql",
			"org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql-archive.sql");

	private LibrarySchemas() {
	}

	static void createMissing(DataSource target, Manifest manifest) {
		JdbcClient jdbc = JdbcClient.create(target);
		if (missing(jdbc, manifest).isEmpty()) {
			return;
		}
		ResourceDatabasePopulator scripts = new ResourceDatabasePopulator();
		SCRIPTS.forEach(script -> scripts.addScript(new ClassPathResource(script)));
		scripts.execute(target);
		List<String> missing = missing(jdbc, manifest);
		if (!missing.isEmpty()) {
			throw new BackupRefusedException("this Holdfast creates no table " + missing + " of the archive");
		}
	}

	private static List<String> missing(JdbcClient jdbc, Manifest manifest) {
		List<String> present = Catalog.tablesInLoadOrder(jdbc);
		return manifest.tables().stream().map(Manifest.Table::name).filter(t -> !present.contains(t)).toList();
	}

}
