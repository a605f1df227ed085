package dev.holdfast;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds an organisation through the API as the administrator: departments and employees
 * with unique names, so tests sharing one database never collide.
 */
public final class TestData {

	public static final String ADMIN_PASSWORD = "chief-password-for-tests";

	public static final String PASSWORD = "password-for-tests";

	private static final AtomicLong counter = new AtomicLong(System.nanoTime() % 1_000_000);

	private final Api api;

	private final String adminToken;

	public TestData(Api api) {
		this.api = api;
		this.adminToken = api.login("admin", ADMIN_PASSWORD);
	}

	/** The company's zone in tests: the default of {@code holdfast.zone}. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/**
	 * The company's today, which the JVM's (UTC in tests, like a container) is not from
	 * 16:00 UTC on.
	 */
	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	public static String unique(String prefix) {
		return prefix + counter.incrementAndGet();
	}

	/**
	 * A mainland mobile number no other test uses: the tests of one run share a database,
	 * and a contact's phone is refused as a duplicate there.
	 */
	public static String uniqueMobile() {
		return "139" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
	}

	public String adminToken() {
		return this.adminToken;
	}

	public long department(String name, Long parentId) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", unique(name));
		body.put("parentId", parentId);
		Api.Response response = this.api.post(this.adminToken, "/api/v1/departments", body);
		check(response, 201);
		return response.id();
	}

	/**
	 * An employee with a unique username starting with the prefix; returns id and
	 * username.
	 */
	public Employee employee(String prefix, Long departmentId, Long managerId, String... roles) {
		String username = unique(prefix);
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("displayName", "测试" + username);
		body.put("password", PASSWORD);
		body.put("departmentId", departmentId);
		body.put("managerId", managerId);
		body.put("roles", List.of(roles));
		Api.Response response = this.api.post(this.adminToken, "/api/v1/employees", body);
		check(response, 201);
		return new Employee(response.id(), username);
	}

	public String token(Employee employee) {
		return this.api.login(employee.username(), PASSWORD);
	}

	public record Employee(long id, String username) {
	}

	static void check(Api.Response response, int status) {
		if (response.status() != status) {
			throw new AssertionError("expected " + status + " but got " + response);
		}
	}

}
