package dev.holdfast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import dev.holdfast.database.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holdfast on a PostgreSQL given through {@code spring.datasource.url} (as
 * {@code SPRING_DATASOURCE_URL} does): it starts no embedded server, migrates that
 * database, and on its empty database creates {@code admin} with a generated password
 * printed once.
 * <p>
 * It has its own context because it needs its own database, an external one: it is closed
 * after the class ({@link DirtiesContext}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "holdfast.admin.initial-password=", "holdfast.protection.export.warm-up=false" })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExternalDatabaseIntegrationTests {

	private static final EmbeddedPostgres external = start();

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> external.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void usesTheGivenDatabaseAndStartsNoEmbeddedOne() {
		assertThat(this.context.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
		assertThat(this.jdbc.sql("select inet_server_port()").query(Integer.class).single())
			.isEqualTo(external.getPort());
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
			.isGreaterThanOrEqualTo(6);
	}

	@Test
	void theFirstAdministratorsGeneratedPasswordIsPrintedOnceAndWorks(CapturedOutput output) {
		Matcher printed = Pattern.compile("password 密码:\\s+(\\S+)").matcher(output.getAll());
		assertThat(printed.find()).as("the generated password is printed").isTrue();
		String password = printed.group(1);
		assertThat(printed.find()).as("and only once").isFalse();
		assertThat(password).hasSizeGreaterThanOrEqualTo(16);
		assertThat(new Api(this.port).login("admin", password)).isNotBlank();
	}

	/**
	 * The context is closed right after this class ({@link DirtiesContext}); the server
	 * itself is stopped by the library's shutdown hook when the JVM exits, after nothing
	 * uses it any more.
	 */
	private static EmbeddedPostgres start() {
		try {
			Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "external-pg");
			return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
