package dev.holdfast.organization;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.InvalidInputException;

/**
 * Creates the user {@code admin} on the first start with an empty database. Its password
 * comes from {@code HOLDFAST_ADMIN_PASSWORD} or is generated and printed once; there is
 * no default password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

	private static final String USERNAME = "admin";

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Employees employees;

	private final Roles roles;

	private final PasswordPolicy passwords;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final String initialPassword;

	FirstAdministrator(Employees employees, Roles roles, PasswordPolicy passwords, AuditTrail audit,
			TransactionTemplate transaction, @Value("${holdfast.admin.initial-password:}") String initialPassword) {
		this.employees = employees;
		this.roles = roles;
		this.passwords = passwords;
		this.audit = audit;
		this.transaction = transaction;
		this.initialPassword = initialPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			this.transaction.executeWithoutResult(status -> createIfNoEmployee());
		}
		catch (DataIntegrityViolationException ex) {
			log.info("Another instance created the first administrator");
		}
	}

	private void createIfNoEmployee() {
		if (this.employees.count() > 0) {
			return;
		}
		boolean generated = this.initialPassword == null || this.initialPassword.isBlank();
		String password = generated ? randomPassword() : this.initialPassword;
		if (password.length() < 10) {
			throw new IllegalStateException("HOLDFAST_ADMIN_PASSWORD must have at least 10 characters");
		}
		String hash;
		try {
			hash = this.passwords.hash(USERNAME, password);
		}
		catch (InvalidInputException ex) {
			throw new IllegalStateException("HOLDFAST_ADMIN_PASSWORD is refused: it " + ex.fields().get("password")
					+ " (at least 10 characters, not a common password, without the "
					+ "username, not one character repeated)");
		}
		Employee admin = new Employee(USERNAME, "管理员 Administrator", hash);
		admin.grant(Set.of(this.roles.findByCode("ADMIN").orElseThrow()));
		admin = this.employees.saveAndFlush(admin);
		this.audit.recordAs(null, null, "EMPLOYEE_CREATED", "employee", admin.getId(),
				Map.of("roles", "ADMIN", "reason", "first administrator"));
		if (generated) {
			String banner = "\n\n    Holdfast first administrator created.\n    username: admin\n    password: "
					+ password + "\n    (shown once; set HOLDFAST_ADMIN_PASSWORD to choose it)\n";
			System.out.println(banner);
		}
		else {
			log.info("First administrator 'admin' created with the password from HOLDFAST_ADMIN_PASSWORD");
		}
	}

	static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
