package dev.holdfast.demo;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;

/**
 * Seeds the demo company ({@code HOLDFAST_DEMO=true}) on an empty database: one with no
 * customers and no employee but the first administrator, so it runs after
 * {@code FirstAdministrator}. Everything is created in one transaction under a database
 * lock, as the first administrator: two instances starting together seed it once, and a
 * failure leaves the database empty.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnBooleanProperty("holdfast.demo.enabled")
@EnableConfigurationProperties(DemoProperties.class)
class DemoCompany implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

	private static final long SEED_LOCK = 0x486f6c6464656d6fL;

	private static final List<Permission> NEEDED = List.of(Permission.DEPARTMENT_MANAGE, Permission.EMPLOYEE_MANAGE,
			Permission.ROLE_MANAGE, Permission.CUSTOMER_CREATE, Permission.CUSTOMER_EDIT, Permission.CUSTOMER_TRANSFER,
			Permission.FOLLOWUP_CREATE, Permission.CARE_RECORD, Permission.CARE_COORDINATE, Permission.POOL_MANAGE,
			Permission.CUSTOMER_IMPORT);

	private final DemoProperties properties;

	private final OrganizationManagement organization;

	private final DemoOrganization staff;

	private final DemoCustomers customers;

	private final DemoFollowUps followUps;

	private final DemoCare care;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final DemoWelcome welcome;

	private final HoldfastClock clock;

	DemoCompany(DemoProperties properties, OrganizationManagement organization, DemoOrganization staff,
			DemoCustomers customers, DemoFollowUps followUps, DemoCare care, JdbcClient jdbc,
			TransactionTemplate transaction, DemoWelcome welcome, HoldfastClock clock) {
		this.welcome = welcome;
		this.care = care;
		this.properties = properties;
		this.organization = organization;
		this.staff = staff;
		this.customers = customers;
		this.followUps = followUps;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		String password = this.properties.passwordGiven() ? this.properties.password() : randomPassword();
		if (password.length() < 10) {
			throw new IllegalStateException("HOLDFAST_DEMO_PASSWORD must have at least 10 characters");
		}
		long started = System.nanoTime();
		String seeded;
		try {
			seeded = this.transaction.execute(status -> seedIfEmpty(password));
		}
		catch (InvalidInputException ex) {
			// the password rules hold for the demo employees too
			throw new IllegalStateException("HOLDFAST_DEMO_PASSWORD is refused: " + ex.fields());
		}
		if (seeded == null) {
			log.info("Demo company not seeded: the database is not empty");
			if (this.organization.employeeNamed("it.admin").isPresent()) {
				// started again on the demo's database: the same accounts, and no
				// password to show
				this.welcome.print(null);
			}
			return;
		}
		log.info("Demo company seeded in {} ms: {}", (System.nanoTime() - started) / 1_000_000, seeded);
		this.welcome.print(this.properties.passwordGiven() ? null : password);
	}

	/**
	 * Seeds and describes what it made, or returns null when the database is not empty.
	 */
	private String seedIfEmpty(String password) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(SEED_LOCK).query(Object.class).single();
		long employees = this.jdbc.sql("select count(*) from employee_directory").query(Long.class).single();
		long customers = this.jdbc.sql("select count(*) from customer_directory").query(Long.class).single();
		if (employees != 1 || customers != 0) {
			return null;
		}
		long admin = this.organization.employeeNamed("admin").orElseThrow().id();
		return asAdministrator(admin, () -> seed(password));
	}

	private String seed(String password) {
		DemoFaker faker = new DemoFaker(DemoFaker.SEED);
		long started = System.nanoTime();
		DemoOrganization.Staff people = this.staff.create(faker, password);
		long organized = System.nanoTime();
		List<DemoCustomers.Seeded> seeded = this.customers.create(faker, people.owners(),
				this.followUps.past(faker, this.clock.now()));
		long customersDone = System.nanoTime();
		int followUps = this.followUps.create(seeded);
		int visits = this.care.create(seeded, people.service());
		long contacts = seeded.stream().mapToLong(c -> c.contactIds().size()).sum();
		return "%d employees (%d ms), %d customers with %d contacts (%d ms), %d follow-ups, %d care visits (%d ms)"
			.formatted(people.owners().size() + people.service().size() + 4, (organized - started) / 1_000_000,
					seeded.size(), contacts, (customersDone - organized) / 1_000_000, followUps, visits,
					(System.nanoTime() - customersDone) / 1_000_000);
	}

	private String asAdministrator(long adminId, java.util.function.Supplier<String> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		String[] authorities = Stream.concat(NEEDED.stream().map(Permission::code), Stream.of("ROLE_ADMIN"))
			.toArray(String[]::new);
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new DemoPrincipal(adminId, "admin"),
				null, AuthorityUtils.createAuthorityList(authorities)));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
