package dev.holdfast.database;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code schema} part of the readiness probe (issue 14, item 7): an instance takes
 * requests only while its database answers and holds every migration the instance was
 * built with, successfully applied. One that starts with Flyway switched off (the
 * migrations run by another process) stays out of the load balancer until they are done;
 * a newer schema, written by a newer instance during a rolling upgrade, keeps it ready.
 * <p>
 * Its own migrations run before the management port opens, so the probe cannot answer
 * "ready" while they run.
 */
@Component
class SchemaHealthIndicator implements HealthIndicator {

	private final JdbcTemplate jdbc;

	private final String table;

	private final MigrationVersion expected;

	SchemaHealthIndicator(JdbcTemplate jdbc, Flyway flyway) {
		this.jdbc = jdbc;
		this.table = flyway.getConfiguration().getTable();
		this.expected = Arrays.stream(flyway.info().all())
			.filter((migration) -> migration.getState().isResolved())
			.map(MigrationInfo::getVersion)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(MigrationVersion.EMPTY);
	}

	@Override
	public Health health() {
		MigrationVersion applied = this.jdbc
			.queryForList("select version from " + this.table + " where success and version is not null", String.class)
			.stream()
			.map(MigrationVersion::fromVersion)
			.max(Comparator.naturalOrder())
			.orElse(MigrationVersion.EMPTY);
		Health.Builder health = (applied.compareTo(this.expected) >= 0) ? Health.up() : Health.outOfService();
		return health.withDetail("expected", String.valueOf(this.expected.getVersion()))
			.withDetail("applied", String.valueOf(applied.getVersion()))
			.build();
	}

}
