package dev.holdfast.pool;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.shared.RecordNames;
import dev.holdfast.shared.SqlRecordNames;
import dev.holdfast.shared.SqlRecordNames.Source;

/**
 * Public pools for the audit trail by name (listed to everyone who may claim from them),
 * and runs of the nightly job by the day they ran for.
 */
@Configuration(proxyBeanMethods = false)
class PoolRecordNames {

	@Bean
	RecordNames poolNames(JdbcClient jdbc) {
		return new SqlRecordNames(jdbc, "pool", Source.of("p.name", "pool p", "p").listed());
	}

	@Bean
	RecordNames poolRunNames(JdbcClient jdbc) {
		return new SqlRecordNames(jdbc, "pool_job_run", Source.of("r.day::text", "pool_job_run r", "r"));
	}

}
