package dev.holdfast.organization;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

@Entity
class Role {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private DataScope dataScope;

	private boolean builtIn;

	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "role_permission", joinColumns = @JoinColumn(name = "role_id"))
	@Column(name = "permission")
	private Set<String> permissions = new HashSet<>();

	protected Role() {
	}

	Role(String code, String name, DataScope dataScope, Set<String> permissions) {
		this.code = code;
		this.name = name;
		this.dataScope = dataScope;
		this.permissions = new HashSet<>(permissions);
		this.createdAt = Instant.now();
	}

	Long getId() {
		return this.id;
	}

	String getCode() {
		return this.code;
	}

	String getName() {
		return this.name;
	}

	DataScope getDataScope() {
		return this.dataScope;
	}

	boolean isBuiltIn() {
		return this.builtIn;
	}

	Set<String> getPermissions() {
		return Set.copyOf(this.permissions);
	}

	boolean isAdministrative() {
		return this.permissions.stream()
			.anyMatch(code -> dev.holdfast.shared.Permission.ofCode(code)
				.map(dev.holdfast.shared.Permission::administrative)
				.orElse(false));
	}

	/**
	 * Whether only an administrator may grant or take this role: it reaches beyond the
	 * holder's own customers, or carries any permission at all. Every permission is
	 * either administrative or acts on customer data (and an unknown code counts too), so
	 * a role HR may hand out carries none.
	 */
	boolean reservedToAdministrators() {
		return this.dataScope != DataScope.SELF || !this.permissions.isEmpty();
	}

	RoleView toView() {
		return new RoleView(this.id, this.code, this.name, this.dataScope, this.builtIn,
				this.permissions.stream().sorted().toList());
	}

}
