package dev.holdfast.protection.canary;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.datafaker.Faker;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CanaryCustomer;
import dev.holdfast.customer.CustomerExportRows;
import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.customer.CustomerSummary;
import dev.holdfast.customer.PersonalCanaries;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.protection.export.ExportProperties;

/**
 * Plants personal canary customers for a salesperson, on an administrator's request
 * ({@code leak.trace}): described like the salesperson's own customers, with a phone and
 * e-mail from the company's canary ranges that no other canary has, so a hit names this
 * one person. Planted on request rather than on every role grant, so whoever runs leak
 * tracing decides whom to watch and nothing happens silently in the role screens.
 */
@Service
class PersonalCanaryPlanting {

	private static final Random RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PersonalCanaries canaries;

	private final OrganizationManagement organization;

	private final ExportProperties.Canary properties;

	private final AuditTrail audit;

	private final CustomerExportRows rows;

	private final HoldfastClock clock;

	PersonalCanaryPlanting(JdbcClient jdbc, PersonalCanaries canaries, OrganizationManagement organization,
			ExportProperties properties, AuditTrail audit, CustomerExportRows rows, HoldfastClock clock) {
		this.jdbc = jdbc;
		this.canaries = canaries;
		this.organization = organization;
		this.properties = properties.canary();
		this.audit = audit;
		this.rows = rows;
		this.clock = clock;
	}

	@Transactional
	List<PlantedCanary> plant(long employeeId, int count) {
		Permission.LEAK_TRACE.require();
		if (count < 1 || count > 5) {
			throw new InvalidInputException("count", "must be between 1 and 5");
		}
		EmployeeView employee = this.organization.employee(employeeId);
		if (!this.organization.activeHolders(Permission.CUSTOMER_CREATE, null).contains(employeeId)) {
			throw new InvalidInputException("employeeId", "is not an active employee who works customers");
		}
		Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, RANDOM);
		List<CustomerSummary> theirs = ownRealCustomers(employeeId);
		List<PlantedCanary> planted = new ArrayList<>();
		for (int tries = 0; planted.size() < count; tries++) {
			if (tries > 1000) {
				throw new IllegalStateException(
						"the canary phone ranges " + this.properties.phoneRanges() + " are used up");
			}
			CanaryCustomer made = PersonalCanaryDesign.like(theirs, this.properties, RANDOM, faker);
			if (taken(made)) {
				continue;
			}
			// entered a few weeks ago, so it sits among their customers instead of on top
			Instant entered = this.clock.now().minus(Duration.ofDays(20 + RANDOM.nextInt(60)));
			long customerId = this.canaries.create(employeeId, made, entered);
			long id = this.jdbc.sql("""
					insert into personal_canary (employee_id, customer_id, phone_normalized, email, created_by)
					values (?, ?, ?, ?, ?) returning id""")
				.params(employeeId, customerId, made.phone(), made.email(), CurrentEmployee.id())
				.query(Long.class)
				.single();
			this.audit.record(AuditAction.PERSONAL_CANARY_PLANTED, "employee", employeeId,
					Map.of("canaryId", id, "customerId", customerId));
			planted.add(new PlantedCanary(id, employeeId, employee.displayName(), customerId, made.name()));
		}
		return planted;
	}

	/**
	 * The salesperson's customers that are not canaries, to describe a canary like them.
	 */
	private List<CustomerSummary> ownRealCustomers(long employeeId) {
		Set<Long> canaries = Set.copyOf(this.jdbc.sql("select customer_id from personal_canary where employee_id = ?")
			.param(employeeId)
			.query(Long.class)
			.list());
		return this.rows.visibleTo(employeeId, new CustomerQuery(null, null, employeeId, false), 200)
			.stream()
			.filter(c -> !canaries.contains(c.id()))
			.toList();
	}

	/** Whether an export or personal canary has the phone or e-mail already. */
	private boolean taken(CanaryCustomer made) {
		return this.jdbc.sql("""
				select exists (select 1 from export_canary where phone_normalized = :phone or email = :email)
				    or exists (select 1 from personal_canary where phone_normalized = :phone or email = :email)""")
			.param("phone", made.phone())
			.param("email", made.email())
			.query(Boolean.class)
			.single();
	}

	/** A planted canary, for the administrator who planted it. */
	record PlantedCanary(long id, long employeeId, String employeeName, long customerId, String customerName) {
	}

}
