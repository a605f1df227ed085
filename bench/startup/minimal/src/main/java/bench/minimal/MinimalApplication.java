package bench.minimal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of bench/startup.sh: a Spring Boot web application with one controller, whose answer reads the
 * database (so that "ready" means the same as Holdfast's readiness: the web server answers and the database does).
 */
@SpringBootApplication
@RestController
public class MinimalApplication {

	private final JdbcTemplate jdbc;

	MinimalApplication(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/ready")
	String ready() {
		return "UP " + this.jdbc.queryForObject("select 1", Integer.class);
	}

	public static void main(String[] args) {
		SpringApplication.run(MinimalApplication.class, args);
	}

}
