package dev.holdfast.organization;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Version;

@Entity
class Employee {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String displayName;

	private String email;

	private String phone;

	private Long departmentId;

	private Long managerId;

	@Enumerated(EnumType.STRING)
	private EmploymentStatus status = EmploymentStatus.ACTIVE;

	private String passwordHash;

	private boolean passwordChangeRequired;

	private boolean passwordFromAdministrator = true;

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	@ManyToMany(fetch = FetchType.EAGER)
	@JoinTable(name = "employee_role", joinColumns = @JoinColumn(name = "employee_id"),
			inverseJoinColumns = @JoinColumn(name = "role_id"))
	private Set<Role> roles = new HashSet<>();

	protected Employee() {
	}

	Employee(String username, String displayName, String passwordHash) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
	}

	void describe(String displayName, String email, String phone) {
		this.displayName = displayName;
		this.email = email;
		this.phone = phone;
		touch();
	}

	void placeIn(Long departmentId, Long managerId) {
		this.departmentId = departmentId;
		this.managerId = managerId;
		touch();
	}

	void grant(Set<Role> roles) {
		this.roles = new HashSet<>(roles);
		touch();
	}

	void changeStatus(EmploymentStatus status) {
		this.status = status;
		touch();
	}

	/**
	 * A password set by someone else: an administrator, or HR for someone without access
	 * (whose password then can't carry over into access, see
	 * {@link #isPasswordFromAdministrator()}).
	 */
	void changePasswordHash(String passwordHash, boolean byAdministrator) {
		this.passwordHash = passwordHash;
		this.passwordFromAdministrator = byAdministrator;
		touch();
	}

	/**
	 * Whoever set the current password knows it: the employee replaces it at their next
	 * login.
	 */
	void requirePasswordChange() {
		this.passwordChangeRequired = true;
		touch();
	}

	/**
	 * An initial password from an administrator, which the employee must replace at their
	 * first login.
	 */
	void issueInitialPassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.passwordChangeRequired = true;
		this.passwordFromAdministrator = true;
		touch();
	}

	/**
	 * The employee chose their own password. Without access, whoever could log in as them
	 * (HR, who set the first one) may have chosen it.
	 */
	void choosePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.passwordChangeRequired = false;
		this.passwordFromAdministrator = holdsReservedRole();
		touch();
	}

	/**
	 * Whether only an administrator may set this employee's credentials: they hold a role
	 * that reaches customer data or the organisation itself.
	 */
	boolean holdsReservedRole() {
		return this.roles.stream().anyMatch(Role::reservedToAdministrators);
	}

	private void touch() {
		this.updatedAt = Instant.now();
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getDisplayName() {
		return this.displayName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	Long getDepartmentId() {
		return this.departmentId;
	}

	Long getManagerId() {
		return this.managerId;
	}

	EmploymentStatus getStatus() {
		return this.status;
	}

	/**
	 * Whether the password was issued by an administrator, or chosen by the employee
	 * while holding access: only such a password may carry over when access is first
	 * given.
	 */
	boolean isPasswordFromAdministrator() {
		return this.passwordFromAdministrator;
	}

	boolean isPasswordChangeRequired() {
		return this.passwordChangeRequired;
	}

	Set<Role> getRoles() {
		return Set.copyOf(this.roles);
	}

	EmployeeView toView() {
		return new EmployeeView(this.id, this.username, this.displayName, this.email, this.phone, this.departmentId,
				this.managerId, this.roles.stream().map(Role::getCode).sorted().toList(), this.status, this.version,
				this.createdAt);
	}

}
