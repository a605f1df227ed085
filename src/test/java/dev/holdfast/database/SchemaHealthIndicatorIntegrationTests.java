package dev.holdfast.database;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.holdfast.HoldfastIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 7: readiness waits for the schema this instance was built for. A history
 * table of its own stands for a database whose migrations are not (all) done.
 */
@HoldfastIntegrationTest
class SchemaHealthIndicatorIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SchemaHealthIndicator running;

	@Test
	void theRunningInstanceIsReadyOnItsOwnSchema() {
		assertThat(this.running.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void notReadyUntilEveryMigrationItWasBuiltWithIsApplied() {
		Flyway flyway = Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration")
			.table("schema_probe_history")
			.load();
		SchemaHealthIndicator schema = new SchemaHealthIndicator(this.jdbc, flyway);
		String latest = String.valueOf(this.running.health().getDetails().get("expected"));
		try {
			this.jdbc.execute("create table schema_probe_history (version varchar(50), success boolean not null)");
			this.jdbc.update("insert into schema_probe_history values ('1', true), (?, false)", latest);
			assertThat(schema.health().getStatus()).as("the latest migration failed").isEqualTo(Status.OUT_OF_SERVICE);

			this.jdbc.update("insert into schema_probe_history values (?, true)", latest);
			assertThat(schema.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			this.jdbc.execute("drop table if exists schema_probe_history");
		}
	}

}
