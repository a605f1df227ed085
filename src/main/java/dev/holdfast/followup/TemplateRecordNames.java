package dev.holdfast.followup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.shared.RecordNames;
import dev.holdfast.shared.SqlRecordNames;
import dev.holdfast.shared.SqlRecordNames.Source;

/** Follow-up templates for the audit trail, by name: every rep picks from them. */
@Configuration(proxyBeanMethods = false)
class TemplateRecordNames {

	@Bean
	RecordNames templateNames(JdbcClient jdbc) {
		return new SqlRecordNames(jdbc, "follow_up_template",
				Source.of("t.name", "follow_up_template t", "t").listed());
	}

}
