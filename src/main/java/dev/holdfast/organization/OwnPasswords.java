package dev.holdfast.organization;

import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.audit.AuditAction;

/**
 * The employee's own password: chosen by them, as they must after coming back from a
 * departure with an administrator's initial password. A change ends every session and
 * token of theirs, the current one too.
 */
@Service
public class OwnPasswords {

	private final Employees employees;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final LoginAccounts loginAccounts;

	private final AuditTrail audit;

	OwnPasswords(Employees employees, PasswordEncoder passwords, PasswordPolicy policy, LoginAccounts loginAccounts,
			AuditTrail audit) {
		this.policy = policy;
		this.employees = employees;
		this.passwords = passwords;
		this.loginAccounts = loginAccounts;
		this.audit = audit;
	}

	@Transactional
	public void change(String currentPassword, String newPassword) {
		long me = CurrentEmployee.id();
		Employee employee = this.employees.findById(me).orElseThrow(() -> new NotFoundException("employee"));
		if (currentPassword == null || employee.getPasswordHash() == null
				|| !this.passwords.matches(currentPassword, employee.getPasswordHash())) {
			throw new InvalidInputException("currentPassword", "is not your current password");
		}
		if (newPassword == null || newPassword.length() < 10 || newPassword.length() > 128) {
			throw new InvalidInputException("password", "must be 10 to 128 characters");
		}
		if (this.passwords.matches(newPassword, employee.getPasswordHash())) {
			throw new InvalidInputException("password", "must differ from the current password");
		}
		boolean required = employee.isPasswordChangeRequired();
		employee.choosePassword(this.policy.hash(employee.getUsername(), newPassword));
		this.employees.flush();
		this.loginAccounts.endCredentials(me);
		this.audit.record(AuditAction.PASSWORD_CHANGED, "employee", me, Map.of("wasRequired", required));
	}

}
