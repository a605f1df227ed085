package dev.holdfast.shared;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogsTests {

	@Test
	void holdfastLogJsonSwitchesBootsStructuredConsoleLogsToEcs() {
		assertThat(format(Map.of("holdfast.log.json", "true"))).isEqualTo("ecs");
	}

	@Test
	void plainLogsByDefaultAndWhenSwitchedOff() {
		assertThat(format(Map.of())).isNull();
		assertThat(format(Map.of("holdfast.log.json", "false"))).isNull();
	}

	@Test
	void aFormatGivenDirectlyWins() {
		assertThat(format(Map.of("holdfast.log.json", "true", JsonLogs.FORMAT, "logstash"))).isEqualTo("logstash");
	}

	private static String format(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new JsonLogs().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty(JsonLogs.FORMAT);
	}

}
