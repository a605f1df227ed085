package dev.holdfast.customer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.holdfast.shared.ConflictException;

@Entity
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String normalizedName;

	@Enumerated(EnumType.STRING)
	private CustomerKind kind;

	@Enumerated(EnumType.STRING)
	private CustomerLevel level;

	private String industry;

	private String source;

	private String region;

	@Convert(converter = EncryptedFields.CustomerAddress.class)
	@Column(name = "address_encrypted")
	private String address;

	private String notes;

	@Enumerated(EnumType.STRING)
	private CustomerStatus status;

	private Long ownerId;

	/**
	 * Set on a personal canary: a synthetic customer only this employee sees. It has no
	 * owner, so nothing that counts or moves customers by owner ever meets it.
	 */
	private Long canaryOwnerId;

	/**
	 * When the status last changed: the public pool's "no progress" rule counts from it.
	 */
	private Instant statusChangedAt;

	@Version
	private long version;

	private Instant createdAt;

	private Long createdBy;

	private Instant updatedAt;

	private Long updatedBy;

	private Instant archivedAt;

	private Long archivedBy;

	protected Customer() {
	}

	Customer(CustomerKind kind, Long ownerId, long createdBy) {
		this.kind = kind;
		this.ownerId = ownerId;
		this.createdAt = Instant.now();
		this.createdBy = createdBy;
		this.updatedAt = this.createdAt;
		this.updatedBy = createdBy;
		this.level = CustomerLevel.C;
		this.status = CustomerStatus.POTENTIAL;
		this.statusChangedAt = this.createdAt;
	}

	void describe(CustomerData data) {
		this.name = data.name();
		this.normalizedName = CustomerNames.normalize(data.name());
		this.kind = data.kind();
		this.level = data.level();
		this.industry = data.industry();
		this.source = data.source();
		this.region = data.region();
		this.address = data.address();
		this.notes = data.notes();
		if (data.status() != this.status) {
			this.statusChangedAt = Instant.now();
		}
		this.status = data.status();
	}

	/** A personal canary customer of the employee (see {@link PersonalCanaries}). */
	static Customer canaryOf(long employeeId, long createdBy) {
		Customer canary = new Customer(CustomerKind.COMPANY, null, createdBy);
		canary.canaryOwnerId = employeeId;
		return canary;
	}

	/**
	 * Refuses to give a personal canary an owner: it would show in the new owner's and
	 * their managers' lists.
	 */
	static void requireTransferable(Customer customer) {
		if (customer.canaryOwnerId != null) {
			throw new ConflictException("not_transferable", "this customer cannot be transferred");
		}
	}

	/** Dates the record back, as if entered then. */
	void backdate(Instant at) {
		this.createdAt = at;
		this.updatedAt = at;
		this.statusChangedAt = at;
	}

	void assignTo(Long ownerId) {
		this.ownerId = ownerId;
	}

	void archive(long by) {
		this.archivedAt = Instant.now();
		this.archivedBy = by;
	}

	void unarchive() {
		this.archivedAt = null;
		this.archivedBy = null;
	}

	void touch(long by) {
		this.updatedAt = Instant.now();
		this.updatedBy = by;
	}

	public CustomerData data() {
		return new CustomerData(this.name, this.kind, this.level, this.industry, this.source, this.region, this.address,
				this.notes, this.status);
	}

	Map<String, Object> snapshot() {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("name", this.name);
		snapshot.put("kind", this.kind);
		snapshot.put("level", this.level);
		snapshot.put("industry", this.industry);
		snapshot.put("source", this.source);
		snapshot.put("region", this.region);
		snapshot.put("address", this.address);
		snapshot.put("notes", this.notes);
		snapshot.put("status", this.status);
		snapshot.put("ownerId", this.ownerId);
		snapshot.put("archived", this.archivedAt != null);
		return snapshot;
	}

	public Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getNormalizedName() {
		return this.normalizedName;
	}

	CustomerKind getKind() {
		return this.kind;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	/** The owner, or for a personal canary the one employee it is shown to. */
	public Long shownOwnerId() {
		return this.canaryOwnerId != null ? this.canaryOwnerId : this.ownerId;
	}

	Long getCanaryOwnerId() {
		return this.canaryOwnerId;
	}

	long getVersion() {
		return this.version;
	}

	public boolean isArchived() {
		return this.archivedAt != null;
	}

	public CustomerDetails toDetails(String ownerName, boolean editable) {
		return new CustomerDetails(this.id, this.name, this.kind, this.level, this.industry, this.source, this.region,
				this.address, this.notes, this.status, shownOwnerId(), ownerName, this.version, this.createdAt,
				this.updatedAt, this.archivedAt, editable, FieldPolicy.FULL);
	}

}
