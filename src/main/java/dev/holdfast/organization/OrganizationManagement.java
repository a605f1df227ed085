package dev.holdfast.organization;

import java.util.HashMap;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.PhoneNumbers;
import dev.holdfast.shared.Usernames;
import dev.holdfast.audit.AuditAction;

/**
 * Departments, employees and roles. Administrators manage all three; HR manages
 * employment, not access: roles that reach customer data or the organisation, the
 * credentials of those who hold them and bringing back a departed employee are
 * administrators' acts, with a second administrator's approval when four-eyes is on.
 */
@Service
public class OrganizationManagement {

	/**
	 * The name a fresh install gives its first administrator; pages greet them with the
	 * Administrator role's label in the reader's language until it is changed.
	 */
	public static final String FIRST_ADMINISTRATOR_NAME = "管理员";

	private final Departments departments;

	private final Employees employees;

	private final Roles roles;

	private final PasswordPolicy passwords;

	private final AuditTrail audit;

	private final LoginAccounts loginAccounts;

	private final Approvals approvals;

	private final ApplicationEventPublisher events;

	OrganizationManagement(Departments departments, Employees employees, Roles roles, PasswordPolicy passwords,
			AuditTrail audit, LoginAccounts loginAccounts, Approvals approvals, ApplicationEventPublisher events) {
		this.loginAccounts = loginAccounts;
		this.approvals = approvals;
		this.events = events;
		this.departments = departments;
		this.employees = employees;
		this.roles = roles;
		this.passwords = passwords;
		this.audit = audit;
	}

	@Transactional
	public DepartmentView createDepartment(DepartmentForm form) {
		Permission.DEPARTMENT_MANAGE.require();
		if (form.parentId() != null && !this.departments.existsById(form.parentId())) {
			throw new InvalidInputException("parentId", "no such department");
		}
		boolean taken = this.departments.findAll()
			.stream()
			.anyMatch(d -> d.getName().equalsIgnoreCase(form.name().strip())
					&& java.util.Objects.equals(d.getParentId(), form.parentId()));
		if (taken) {
			throw new ConflictException("duplicate", "a department of that name exists there already");
		}
		Department department = this.departments.save(new Department(form.name().strip(), form.parentId()));
		this.audit.record(AuditAction.DEPARTMENT_CREATED, "department", department.getId(), Map.of());
		return view(department);
	}

	@Transactional(readOnly = true)
	public List<DepartmentView> departments() {
		return this.departments.findAllByOrderByIdAsc().stream().map(OrganizationManagement::view).toList();
	}

	/**
	 * A new employee. Anyone managing employees may hire; giving roles that reach
	 * customer data or the organisation is an administrator's act, held for a second
	 * administrator when four-eyes is on ({@link ApprovalPendingException}, nothing
	 * created yet).
	 */
	@Transactional(noRollbackFor = ApprovalPendingException.class)
	public EmployeeView createEmployee(EmployeeForm submitted) {
		Permission.EMPLOYEE_MANAGE.require();
		EmployeeForm form = withUsername(submitted, canonicalUsername(submitted.username()));
		checkNewEmployee(form);
		Set<Role> granted = knownRoles(form.roles() == null ? List.of() : form.roles());
		if (!granted.isEmpty()) {
			Permission.ROLE_MANAGE.refuseIfRestricted();
		}
		String passwordHash = this.passwords.hash(form.username(), form.password());
		if (granted.stream().anyMatch(Role::reservedToAdministrators)) {
			Approvals.requireAdministrator(ReservedActs.ROLES_REFUSAL);
			this.approvals.holdIfFourEyes(EmployeeApprovals.CREATION, null, ReservedActs.creation(form, granted),
					new EmployeeApprovals.PendingCreation(withoutPassword(form), passwordHash));
		}
		return create(form, passwordHash, granted);
	}

	/** A creation a second administrator approved: checked again, as it may be stale. */
	EmployeeView createApproved(EmployeeForm form, String passwordHash) {
		checkNewEmployee(form);
		return create(form, passwordHash, knownRoles(form.roles() == null ? List.of() : form.roles()));
	}

	private EmployeeView create(EmployeeForm form, String passwordHash, Set<Role> granted) {
		Employee employee = new Employee(form.username(), form.displayName().strip(), passwordHash);
		employee.changePasswordHash(passwordHash, Permission.ROLE_MANAGE.isHeld());
		if (Boolean.TRUE.equals(form.passwordChangeRequired())) {
			employee.requirePasswordChange();
		}
		employee.describe(form.displayName().strip(), blankToNull(form.email()), checkedPhone(form.phone()));
		employee.placeIn(form.departmentId(), form.managerId());
		employee.grant(granted);
		employee = this.employees.save(employee);
		this.audit.record(AuditAction.EMPLOYEE_CREATED, "employee", employee.getId(),
				Map.of("roles", codes(granted), "departmentId", String.valueOf(form.departmentId())));
		return employee.toView();
	}

	private void checkNewEmployee(EmployeeForm form) {
		if (this.employees.findByUsername(form.username()).isPresent()) {
			throw new ConflictException("duplicate", "that username is taken");
		}
		checkPlacement(form.departmentId(), form.managerId(), null);
		checkedPhone(form.phone());
	}

	/**
	 * Changes an employee. HR may change employment (name, contact details, placement,
	 * status); roles that reach customer data, the credentials of someone holding one,
	 * and bringing back a departed employee are an administrator's acts, held for a
	 * second administrator when four-eyes is on ({@link ApprovalPendingException},
	 * nothing changed yet). Every refusal comes before anything is written.
	 */
	@Transactional(noRollbackFor = ApprovalPendingException.class)
	public EmployeeView updateEmployee(long id, EmployeeChanges changes) {
		Permission.EMPLOYEE_MANAGE.require();
		Employee employee = changeable(id, changes);
		Set<Role> granted = changes.roles() == null ? null : knownRoles(changes.roles());
		ReservedActs reserved = ReservedActs.of(employee, changes, granted, changes.password() != null);
		String passwordHash = changes.password() == null ? null
				: this.passwords.hash(employee.getUsername(), changes.password());
		if (!reserved.none()) {
			Approvals.requireAdministrator(reserved.refusal());
			reserved.requireInitialPassword(passwordHash != null);
			if (reserved.needsSecondAdministrator()) {
				this.approvals.holdIfFourEyes(EmployeeApprovals.CHANGE, id, reserved.details(),
						new EmployeeApprovals.PendingChange(withoutPassword(changes), passwordHash));
			}
		}
		return apply(employee, changes, granted, passwordHash);
	}

	/**
	 * A change a second administrator approved, checked again (the version too), as the
	 * approver.
	 */
	EmployeeView changeApproved(long id, EmployeeChanges changes, String passwordHash) {
		Employee employee = changeable(id, changes);
		Set<Role> granted = changes.roles() == null ? null : knownRoles(changes.roles());
		ReservedActs.of(employee, changes, granted, passwordHash != null).requireInitialPassword(passwordHash != null);
		return apply(employee, changes, granted, passwordHash);
	}

	/** The employee, if the caller may change them at all and the version is current. */
	private Employee changeable(long id, EmployeeChanges changes) {
		if (changes.managerId() != null) {
			// two concurrent changes of reporting lines could each pass the loop check
			// and together make a loop
			this.loginAccounts.lockReportingLines();
		}
		Employee employee = this.employees.findById(id).orElseThrow(() -> new NotFoundException("employee"));
		requireAdministratorFor(employee);
		if (changes.version() != null && changes.version() != employee.toView().version()) {
			throw new ConflictException("stale_version", "the employee was changed by someone else; reload it");
		}
		Long departmentId = changes.departmentId() != null ? changes.departmentId() : employee.getDepartmentId();
		Long managerId = Boolean.TRUE.equals(changes.clearManager()) ? null
				: changes.managerId() != null ? changes.managerId() : employee.getManagerId();
		checkPlacement(departmentId, managerId, id);
		if (changes.phone() != null) {
			checkedPhone(changes.phone());
		}
		return employee;
	}

	private EmployeeView apply(Employee employee, EmployeeChanges changes, Set<Role> granted, String passwordHash) {
		long id = employee.getId();
		EmployeeView before = employee.toView();
		employee.describe(changes.displayName() != null ? changes.displayName().strip() : before.displayName(),
				changes.email() != null ? blankToNull(changes.email()) : before.email(),
				changes.phone() != null ? checkedPhone(changes.phone()) : before.phone());
		employee.placeIn(changes.departmentId() != null ? changes.departmentId() : before.departmentId(),
				Boolean.TRUE.equals(changes.clearManager()) ? null
						: changes.managerId() != null ? changes.managerId() : before.managerId());
		List<String> changed = changedFields(before, employee.toView());
		if (granted != null) {
			Permission.ROLE_MANAGE.refuseIfRestricted();
			employee.grant(granted);
			// a form sends the roles it shows: only a different set is a change of roles
			if (!new HashSet<>(before.roles())
				.equals(granted.stream().map(Role::getCode).collect(Collectors.toSet()))) {
				this.audit.record(AuditAction.EMPLOYEE_ROLES_CHANGED, "employee", id,
						Map.of("before", String.join(",", before.roles()), "after", codes(granted)));
			}
		}
		if (changes.status() != null) {
			changeStatus(employee, changes.status(), true);
		}
		if (ReservedActs.reactivation(before.status(), changes.status())) {
			employee.issueInitialPassword(passwordHash);
			this.loginAccounts.endCredentials(id);
			this.events.publishEvent(new EmployeeReactivated(id));
			this.audit.record(AuditAction.EMPLOYEE_REACTIVATED, "employee", id, Map.of("passwordChangeRequired", true));
		}
		else if (passwordHash != null) {
			employee.changePasswordHash(passwordHash, Permission.ROLE_MANAGE.isHeld());
			boolean required = Boolean.TRUE.equals(changes.passwordChangeRequired());
			if (required) {
				employee.requirePasswordChange();
			}
			this.loginAccounts.endCredentials(id);
			this.audit.record(AuditAction.EMPLOYEE_PASSWORD_CHANGED, "employee", id,
					Map.of("passwordChangeRequired", required));
		}
		this.employees.flush();
		this.audit.record(AuditAction.EMPLOYEE_UPDATED, "employee", id, Map.of("fields", String.join(",", changed)));
		return employee.toView();
	}

	/**
	 * The names of the employment facts a change set (no values: they may be personal).
	 */
	private static List<String> changedFields(EmployeeView before, EmployeeView after) {
		List<String> changed = new java.util.ArrayList<>();
		if (!java.util.Objects.equals(before.displayName(), after.displayName())) {
			changed.add("displayName");
		}
		if (!java.util.Objects.equals(before.email(), after.email())) {
			changed.add("email");
		}
		if (!java.util.Objects.equals(before.phone(), after.phone())) {
			changed.add("phone");
		}
		if (!java.util.Objects.equals(before.departmentId(), after.departmentId())) {
			changed.add("departmentId");
		}
		if (!java.util.Objects.equals(before.managerId(), after.managerId())) {
			changed.add("managerId");
		}
		return changed;
	}

	/**
	 * Puts an employee on notice (LEAVING), or back to ACTIVE or on to DEPARTED, as the
	 * offboarding flow decides; a departure ends every session and token at once. The
	 * caller has checked that the current employee may do this. A departed employee stays
	 * departed: only an administrator brings them back, through
	 * {@link #updateEmployee(long, EmployeeChanges)}.
	 */
	@Transactional
	public EmployeeView changeEmploymentStatus(long id, EmploymentStatus status) {
		Employee employee = this.employees.findById(id).orElseThrow(() -> new NotFoundException("employee"));
		changeStatus(employee, status, false);
		this.employees.flush();
		return employee.toView();
	}

	/**
	 * A change of status, audited; a departure ends every session and token. Leaving
	 * DEPARTED is a reactivation, which only the administrator's change may do.
	 */
	private void changeStatus(Employee employee, EmploymentStatus status, boolean reactivationChecked) {
		EmploymentStatus before = employee.toView().status();
		if (before == status) {
			return;
		}
		if (ReservedActs.reactivation(before, status) && !reactivationChecked) {
			throw new ConflictException("departed", "a departed employee comes back only through an administrator");
		}
		employee.changeStatus(status);
		if (status == EmploymentStatus.DEPARTED) {
			this.loginAccounts.endCredentials(employee.getId());
		}
		this.audit.record(AuditAction.EMPLOYEE_STATUS_CHANGED, "employee", employee.getId(),
				Map.of("before", before.name(), "after", status.name()));
	}

	/**
	 * Refuses (403) anyone but an administrator acting on an employee who holds an
	 * administrative role: changing them, or recording their resignation (which ends
	 * their access on the last day). Otherwise HR could reset an administrator's password
	 * and log in as them, or resign every administrator away.
	 */
	@Transactional(readOnly = true)
	public void requireAdministratorFor(long employeeId) {
		requireAdministratorFor(
				this.employees.findById(employeeId).orElseThrow(() -> new NotFoundException("employee")));
	}

	private static void requireAdministratorFor(Employee employee) {
		if (!Permission.ROLE_MANAGE.isHeld() && employee.getRoles().stream().anyMatch(Role::isAdministrative)) {
			throw new ForbiddenException(
					"only an administrator may change an employee who holds an administrative role");
		}
	}

	/**
	 * Which departments lie on one line of the tree with this one (itself, or one above
	 * or below it): a leaver's customers and teams go only to someone on the leaver's
	 * line, never to another region. Reads the tree once, for a whole picker.
	 */
	@Transactional(readOnly = true)
	public Predicate<Long> onOneLineWith(Long department) {
		if (department == null) {
			return other -> false;
		}
		Map<Long, Long> parents = new HashMap<>();
		departments().forEach(d -> parents.put(d.id(), d.parentId()));
		return other -> other != null && (above(parents, department, other) || above(parents, other, department));
	}

	/** Whether {@code upper} is {@code lower} or one of its ancestors. */
	private static boolean above(Map<Long, Long> parents, Long upper, Long lower) {
		Set<Long> seen = new HashSet<>();
		for (Long at = lower; at != null && seen.add(at); at = parents.get(at)) {
			if (at.equals(upper)) {
				return true;
			}
		}
		return false;
	}

	@Transactional(readOnly = true)
	public EmployeeView employee(long id) {
		return this.employees.findWithRolesById(id)
			.map(Employee::toView)
			.orElseThrow(() -> new NotFoundException("employee"));
	}

	/**
	 * The employees with these ids, in id order; unknown ids are left out. Unlike a page
	 * of {@link #employees}, nobody falls off the end in a large company.
	 */
	@Transactional(readOnly = true)
	public List<EmployeeView> employees(Collection<Long> ids) {
		return ids.isEmpty() ? List.of()
				: this.employees.findWithRolesByIdIn(ids).stream().map(Employee::toView).toList();
	}

	/**
	 * Every employee who has not left (ACTIVE or LEAVING), in id order: who can be a
	 * manager. The whole company, not a page of it, so that a picker never silently
	 * misses someone.
	 */
	@Transactional(readOnly = true)
	public List<EmployeeView> currentEmployees() {
		return this.employees.findWithRolesByStatusIn(List.of(EmploymentStatus.ACTIVE, EmploymentStatus.LEAVING))
			.stream()
			.map(Employee::toView)
			.toList();
	}

	/**
	 * Display names for ids, for showing owners and authors; unknown ids are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> displayNames(Collection<Long> ids) {
		return ids.isEmpty() ? Map.of() : this.loginAccounts.displayNames(ids);
	}

	/**
	 * ACTIVE employees holding the permission through a role, in one department or (null)
	 * anywhere: candidates to take over customers or make care visits.
	 */
	@Transactional(readOnly = true)
	public List<Long> activeHolders(Permission permission, Long departmentId) {
		return this.loginAccounts.activeHolders(permission.code(), departmentId);
	}

	/** The display name of one employee, or null for an unknown id. */
	@Transactional(readOnly = true)
	public String displayName(long id) {
		return displayNames(List.of(id)).get(id);
	}

	@Transactional(readOnly = true)
	public Optional<EmployeeView> employeeNamed(String username) {
		return this.employees.findByUsername(Usernames.canonical(username)).map(Employee::toView);
	}

	@Transactional(readOnly = true)
	public PageResult<EmployeeView> employees(String q, Long departmentId, PageRequest page) {
		var result = this.employees.search(q == null || q.isBlank() ? null : q.strip(), departmentId,
				org.springframework.data.domain.PageRequest.of(page.page(), page.size()));
		return new PageResult<>(result.getContent().stream().map(Employee::toView).toList(), page.page(), page.size(),
				result.getTotalElements());
	}

	@Transactional
	public RoleView createRole(RoleForm form) {
		Permission.ROLE_MANAGE.require();
		if (this.roles.findByCode(form.code()).isPresent()) {
			throw new ConflictException("duplicate", "a role with that code exists");
		}
		List<String> unknown = form.permissions().stream().filter(p -> Permission.ofCode(p).isEmpty()).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("permissions", "unknown permission(s): " + String.join(", ", unknown));
		}
		Role role = this.roles
			.save(new Role(form.code(), form.name().strip(), form.dataScope(), new HashSet<>(form.permissions())));
		this.audit.record(AuditAction.ROLE_CREATED, "role", role.getId(), Map.of("code", role.getCode(), "dataScope",
				role.getDataScope().name(), "permissions", String.join(",", role.toView().permissions())));
		return role.toView();
	}

	@Transactional(readOnly = true)
	public List<RoleView> roles() {
		return this.roles.findAllByOrderByIdAsc().stream().map(Role::toView).toList();
	}

	/** The login account of a username, for authentication. */
	@Transactional(readOnly = true)
	public Optional<LoginAccount> loginAccount(String username) {
		return this.loginAccounts.byUsername(Usernames.canonical(username));
	}

	/**
	 * The login account with this e-mail address, for single sign-on; empty when none or
	 * several employees have it (an ambiguous match logs nobody in).
	 */
	@Transactional(readOnly = true)
	public Optional<LoginAccount> loginAccountByEmail(String email) {
		List<Employee> found = email == null || email.isBlank() ? List.of()
				: this.employees.findByEmailIgnoreCase(email.strip());
		return found.size() == 1 ? this.loginAccounts.byId(found.get(0).getId()) : Optional.empty();
	}

	/** The current state of an employee's account, reloaded on every request. */
	@Transactional(readOnly = true)
	public Optional<LoginAccount> loginAccount(long id) {
		return this.loginAccounts.byId(id);
	}

	private void checkPlacement(Long departmentId, Long managerId, Long employeeId) {
		if (departmentId != null && !this.departments.existsById(departmentId)) {
			throw new InvalidInputException("departmentId", "no such department");
		}
		if (managerId == null) {
			return;
		}
		if (managerId.equals(employeeId)) {
			throw new InvalidInputException("managerId", "an employee can't be their own manager");
		}
		Employee manager = this.employees.findById(managerId)
			.orElseThrow(() -> new InvalidInputException("managerId", "no such employee"));
		Set<Long> seen = new HashSet<>();
		for (Employee m = manager; m != null && m.getManagerId() != null
				&& seen.add(m.getId()); m = this.employees.findById(m.getManagerId()).orElse(null)) {
			if (m.getManagerId().equals(employeeId)) {
				throw new InvalidInputException("managerId", "would make a reporting loop");
			}
		}
	}

	private Set<Role> knownRoles(List<String> codes) {
		List<Role> found = this.roles.findByCodeIn(codes);
		if (found.size() != new HashSet<>(codes).size()) {
			Set<String> known = found.stream().map(Role::getCode).collect(Collectors.toSet());
			throw new InvalidInputException("roles", "unknown role(s): "
					+ codes.stream().filter(c -> !known.contains(c)).collect(Collectors.joining(", ")));
		}
		return new HashSet<>(found);
	}

	/**
	 * The canonical form of a new username, which is what is stored: letters, digits and
	 * {@code . _ - @ +} once NFKC and lower case are applied.
	 */
	private static String canonicalUsername(String username) {
		String canonical = Usernames.canonical(username);
		if (!CANONICAL_USERNAME.matcher(canonical).matches()) {
			throw new InvalidInputException("username", "3 to 64 letters, digits, dots, dashes or underscores");
		}
		return canonical;
	}

	private static final java.util.regex.Pattern CANONICAL_USERNAME = java.util.regex.Pattern
		.compile("[a-z0-9._@+-]{3," + Usernames.MAX_LENGTH + "}");

	private static String checkedPhone(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		if (!PhoneNumbers.isValid(phone)) {
			throw new InvalidInputException("phone", "is not a valid phone number");
		}
		return phone.strip();
	}

	private static EmployeeForm withUsername(EmployeeForm form, String username) {
		return new EmployeeForm(username, form.displayName(), form.password(), form.departmentId(), form.managerId(),
				form.roles(), form.email(), form.phone(), form.passwordChangeRequired());
	}

	private static EmployeeForm withoutPassword(EmployeeForm form) {
		return new EmployeeForm(form.username(), form.displayName(), null, form.departmentId(), form.managerId(),
				form.roles(), form.email(), form.phone(), form.passwordChangeRequired());
	}

	private static EmployeeChanges withoutPassword(EmployeeChanges changes) {
		return new EmployeeChanges(changes.displayName(), changes.email(), changes.phone(), changes.departmentId(),
				changes.managerId(), changes.clearManager(), changes.roles(), changes.status(), null, changes.version(),
				changes.passwordChangeRequired());
	}

	private static String codes(Set<Role> roles) {
		return roles.stream().map(Role::getCode).sorted().collect(Collectors.joining(","));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static DepartmentView view(Department d) {
		return new DepartmentView(d.getId(), d.getName(), d.getParentId());
	}

}
