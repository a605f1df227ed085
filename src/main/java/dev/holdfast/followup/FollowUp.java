package dev.holdfast.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
class FollowUp {

	/** After this, a follow-up is history: corrections are new entries. */
	static final Duration EDIT_WINDOW = Duration.ofHours(24);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long customerId;

	private Long contactId;

	private Long authorId;

	@Enumerated(EnumType.STRING)
	private FollowUpKind kind;

	private String content;

	private Instant nextContactAt;

	private boolean substantive;

	private Instant createdAt;

	private Instant updatedAt;

	/** Who brought it in from a file (or the demo), else null; written by SQL only. */
	@Column(insertable = false, updatable = false)
	private Long broughtInBy;

	@Version
	private long version;

	protected FollowUp() {
	}

	FollowUp(long customerId, long authorId) {
		this.customerId = customerId;
		this.authorId = authorId;
		// the database keeps microseconds: the answer shows the instant it stores
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.updatedAt = this.createdAt;
	}

	void record(FollowUpKind kind, String content, Long contactId, Instant nextContactAt, boolean substantive) {
		this.substantive = substantive;
		this.kind = kind;
		this.content = content;
		this.contactId = contactId;
		this.nextContactAt = nextContactAt;
		this.updatedAt = Instant.now();
	}

	boolean editableBy(long employeeId, Instant now) {
		return this.authorId == employeeId && now.isBefore(this.createdAt.plus(EDIT_WINDOW));
	}

	Long getId() {
		return this.id;
	}

	Long getCustomerId() {
		return this.customerId;
	}

	Long getContactId() {
		return this.contactId;
	}

	Long getAuthorId() {
		return this.authorId;
	}

	FollowUpKind getKind() {
		return this.kind;
	}

	String getContent() {
		return this.content;
	}

	Instant getNextContactAt() {
		return this.nextContactAt;
	}

	/** A file attached makes any follow-up count. */
	void markSubstantive() {
		this.substantive = true;
	}

	boolean isSubstantive() {
		return this.substantive;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	long getVersion() {
		return this.version;
	}

	Long getBroughtInBy() {
		return this.broughtInBy;
	}

	/** The view, with the names of its author and of who brought it in (by id). */
	FollowUpView toView(Function<Long, String> names) {
		return new FollowUpView(this.id, this.customerId, this.contactId, this.authorId, names.apply(this.authorId),
				this.kind, this.content, this.nextContactAt, this.createdAt, this.updatedAt, this.version,
				this.createdAt.plus(EDIT_WINDOW), this.substantive,
				this.broughtInBy == null ? null : names.apply(this.broughtInBy), this.broughtInBy != null);
	}

}
