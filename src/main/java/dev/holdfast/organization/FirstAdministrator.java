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
import dev.holdfast.shared.web.BaseUrl;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.audit.AuditAction;

/**
 * Creates the user {@code admin} on the first start with an empty database. Its password
 * comes from {@code HOLDFAST_ADMIN_PASSWORD} or is generated and printed once, with the
 * address to open and the steps of the first login; there is no default password. With
 * the demo company ({@code holdfast.demo.enabled}) the steps of a new company are left
 * out: the demo prints how to log in as its people.
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

	private final BaseUrl baseUrl;

	private final boolean demo;

	FirstAdministrator(Employees employees, Roles roles, PasswordPolicy passwords, AuditTrail audit,
			TransactionTemplate transaction, @Value("${holdfast.admin.initial-password:}") String initialPassword,
			BaseUrl baseUrl, @Value("${holdfast.demo.enabled:false}") boolean demo) {
		this.baseUrl = baseUrl;
		this.demo = demo;
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
		Employee admin = new Employee(USERNAME, OrganizationManagement.FIRST_ADMINISTRATOR_NAME, hash);
		admin.grant(Set.of(this.roles.findByCode("ADMIN").orElseThrow()));
		admin = this.employees.saveAndFlush(admin);
		this.audit.recordAs(null, null, AuditAction.EMPLOYEE_CREATED, "employee", admin.getId(),
				Map.of("roles", "ADMIN", "reason", "first administrator"));
		if (generated) {
			// a demo company's people are introduced by its own banner, printed once it
			// is seeded
			System.out.println(this.demo ? demoBanner(password) : banner(this.baseUrl.value(), password));
		}
		else {
			log.info("First administrator 'admin' created with the password from HOLDFAST_ADMIN_PASSWORD; log in at {}",
					this.baseUrl.value());
		}
	}

	static String banner(String address, String password) {
		return """

				    Holdfast first administrator created / 守客已创建首位管理员
				      address  地址:   %s
				      username 用户名: admin
				      password 密码:   %s
				      (shown once; set HOLDFAST_ADMIN_PASSWORD to choose it / 只显示这一次，可用 HOLDFAST_ADMIN_PASSWORD 指定)

				    First login / 首次登录:
				      1. Open the address and log in as admin with this password.
				         打开上面的地址，用 admin 和这个密码登录。
				      2. Turn on two-factor login when asked: scan the QR code with an authenticator app
				         and enter the six digits it shows.
				         按提示开启两步验证：用身份验证器应用扫描二维码，输入应用显示的六位数字。
				      3. Copy or download the recovery codes, keep them safe, then continue.
				         复制或下载恢复码并妥善保存，然后继续。
				      4. Add departments and employees under Manage.
				         在"管理"菜单中添加部门和员工。
				""".formatted(address, password);
	}

	/**
	 * In demo mode: the administrator's password only, without the steps of a new
	 * company.
	 */
	static String demoBanner(String password) {
		return """

				    Holdfast administrator created for the demo company / 已为演示公司创建管理员
				      username 用户名: admin   password 密码: %s
				      (shown once; the demo company's own accounts follow below / 只显示这一次；演示公司的账号见下文)
				""".formatted(password);
	}

	static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
