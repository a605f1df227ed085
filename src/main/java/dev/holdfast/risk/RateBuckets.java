package dev.holdfast.risk;

import java.sql.SQLException;
import java.util.OptionalDouble;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Token buckets in PostgreSQL, one per employee and budget, so that a limit holds across
 * instances: a read takes its tokens in one statement, refilled by the time since the
 * last one.
 * <p>
 * The buckets live outside the reader's transaction, on a small pool of their own: a
 * token taken stays taken when the read fails afterwards, a read-only transaction can
 * meter, and taking a token never waits for a connection that the reader itself holds
 * (which, with every connection of the main pool held by readers, would stall them all).
 */
@Component
class RateBuckets implements DisposableBean {

	private static final String REFILLED = "least(:capacity, b.tokens + extract(epoch from now() - b.refilled_at) * :rate)";

	private final HikariDataSource ownPool;

	private final JdbcClient jdbc;

	RateBuckets(DataSource dataSource) {
		this.ownPool = ownPool(dataSource);
		// a data source of its own, so that statements never join a reader's transaction
		this.jdbc = JdbcClient.create(this.ownPool != null ? this.ownPool : new DelegatingDataSource(dataSource));
	}

	/**
	 * Takes {@code cost} tokens (at most {@code capacity}); if too few are left, how many
	 * seconds until enough are (and nothing taken).
	 */
	OptionalDouble take(long employeeId, String kind, double cost, double capacity, double perSecond) {
		boolean taken = this.jdbc.sql("""
				insert into risk_rate_bucket as b (employee_id, kind, tokens, refilled_at)
				values (:employee, :kind, :capacity - :cost, now())
				on conflict (employee_id, kind) do update
				set tokens = %s - :cost, refilled_at = now()
				where %s >= :cost""".formatted(REFILLED, REFILLED))
			.param("employee", employeeId)
			.param("kind", kind)
			.param("cost", cost)
			.param("capacity", capacity)
			.param("rate", perSecond)
			.update() == 1;
		if (taken) {
			return OptionalDouble.empty();
		}
		double tokens = this.jdbc
			.sql("select " + REFILLED + " from risk_rate_bucket b where employee_id = :employee and kind = :kind")
			.param("employee", employeeId)
			.param("kind", kind)
			.param("capacity", capacity)
			.param("rate", perSecond)
			.query(Double.class)
			.single();
		return OptionalDouble.of(Math.max(0, cost - tokens) / perSecond);
	}

	/** Whether the employee serves notice, read outside the reader's transaction too. */
	boolean servesNotice(long employeeId) {
		return this.jdbc.sql("select exists (select 1 from employee_directory where id = ? and status = 'LEAVING')")
			.param(employeeId)
			.query(Boolean.class)
			.single();
	}

	@Override
	public void destroy() {
		if (this.ownPool != null) {
			this.ownPool.close();
		}
	}

	/** A pool of four connections configured like the application's, if it is Hikari. */
	private static HikariDataSource ownPool(DataSource dataSource) {
		try {
			if (!dataSource.isWrapperFor(HikariDataSource.class)) {
				return null;
			}
			HikariConfig config = new HikariConfig();
			dataSource.unwrap(HikariDataSource.class).copyStateTo(config);
			config.setPoolName("holdfast-rate-buckets");
			config.setMaximumPoolSize(4);
			config.setMinimumIdle(1);
			return new HikariDataSource(config);
		}
		catch (SQLException ex) {
			return null;
		}
	}

}
