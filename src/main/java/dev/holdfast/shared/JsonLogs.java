package dev.holdfast.shared;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Structured JSON logs on the console when {@code holdfast.log.json=true}
 * ({@code HOLDFAST_LOG_JSON}, issue 14, item 7): one switch for the operator, mapped to
 * Spring Boot's own structured logging ({@code logging.structured.format.console},
 * Elastic Common Schema) before the logging system starts. A format set there directly
 * wins.
 */
public class JsonLogs implements EnvironmentPostProcessor, Ordered {

	static final String SWITCH = "holdfast.log.json";

	static final String FORMAT = "logging.structured.format.console";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty(SWITCH, Boolean.class, false) && !environment.containsProperty(FORMAT)) {
			environment.getPropertySources().addLast(new MapPropertySource("holdfastJsonLogs", Map.of(FORMAT, "ecs")));
		}
	}

	@Override
	public int getOrder() {
		// after the configuration files are read
		return Ordered.LOWEST_PRECEDENCE;
	}

}
