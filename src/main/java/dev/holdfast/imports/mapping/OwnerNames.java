package dev.holdfast.imports.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.Usernames;

/**
 * Finds the employee a cell names as owner, by username or display name, in
 * organization's published {@code employee_directory}; someone who has left owns nothing.
 */
@Component
public class OwnerNames {

	private final JdbcClient jdbc;

	OwnerNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private List<Long> ids(String condition, String value) {
		return this.jdbc
			.sql("select id from employee_directory where status <> 'DEPARTED' and " + condition
					+ " order by id limit 2")
			.param("value", value)
			.query(Long.class)
			.list();
	}

	/** A look-up that remembers its answers, for one file. */
	public Lookup lookup() {
		return new Lookup();
	}

	/** The employees a name stands for: none, one, or several sharing a display name. */
	public final class Lookup {

		private final Map<String, List<Long>> found = new HashMap<>();

		public List<Long> find(String name) {
			return this.found.computeIfAbsent(name.strip(), key -> {
				List<Long> byUsername = ids("username = :value", Usernames.canonical(key));
				return byUsername.isEmpty() ? ids("display_name = :value", key) : byUsername;
			});
		}

	}

}
