package dev.holdfast.bench;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.holdfast.shared.crypto.FieldCipher;

/**
 * The command that generates the large data set into the configured PostgreSQL (the
 * external one of {@code SPRING_DATASOURCE_URL}, else the embedded one on
 * {@code target/bench-data}): {@code bench/generate.sh}, sizes through
 * {@code -Dbench.customers}, {@code -Dbench.followups}, {@code -Dbench.employees}. Does
 * nothing when the data set is there already.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "holdfast.embedded-postgres.data-dir=${bench.data-dir:target/bench-data}",
		"holdfast.embedded-postgres.reset-on-start=false" })
class GenerateLargeDataSet {

	@Test
	void generate(@Autowired DataSource dataSource, @Autowired PasswordEncoder passwords,
			@Autowired FieldCipher cipher) {
		LargeDataSetSize size = LargeDataSetSize.fromSystemProperties();
		LargeDataSet.log("generating %s", size);
		LargeDataSet dataSet = new LargeDataSet(JdbcClient.create(dataSource),
				passwords.encode(BenchOrganization.PASSWORD), cipher);
		LargeDataSet.log(dataSet.generateIfMissing(size));
	}

}
