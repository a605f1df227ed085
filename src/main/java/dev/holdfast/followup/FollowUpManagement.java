package dev.holdfast.followup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.ContactManagement;
import dev.holdfast.customer.CustomerActivity;
import dev.holdfast.customer.CustomerAccess;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Recording and reading follow-ups. Anyone who may change a customer and holds
 * {@code followup.create} may record one; anyone who may see the customer reads its whole
 * timeline, whoever wrote it.
 */
@Service
public class FollowUpManagement {

	private final FollowUps followUps;

	private final CustomerVisibility visibility;

	private final ContactManagement contacts;

	private final OrganizationManagement organization;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final SubstantiveRule substantive;

	private final CustomerActivity activity;

	private final Attachments attachments;

	private final FollowUpFieldValues fieldValues;

	private final CustomerReads reads;

	private final HoldfastClock clock;

	FollowUpManagement(FollowUps followUps, CustomerVisibility visibility, ContactManagement contacts,
			OrganizationManagement organization, JdbcClient jdbc, AuditTrail audit, SubstantiveRule substantive,
			CustomerActivity activity, Attachments attachments, FollowUpFieldValues fieldValues, CustomerReads reads,
			HoldfastClock clock) {
		this.reads = reads;
		this.attachments = attachments;
		this.fieldValues = fieldValues;
		this.followUps = followUps;
		this.visibility = visibility;
		this.contacts = contacts;
		this.organization = organization;
		this.jdbc = jdbc;
		this.audit = audit;
		this.substantive = substantive;
		this.activity = activity;
		this.clock = clock;
	}

	@Transactional
	public FollowUpView record(long customerId, FollowUpForm form) {
		this.visibility.requireWritable(customerId);
		Permission.FOLLOWUP_CREATE.require();
		checkContact(form.contactId(), customerId);
		TemplateValues fields = this.fieldValues.fill(customerId, form.kind(), form.fields());
		long me = CurrentEmployee.id();
		FollowUp followUp = new FollowUp(customerId, me);
		followUp.record(form.kind(), form.content().strip(), form.contactId(),
				fields.nextContactAt() != null ? fields.nextContactAt() : form.nextContactAt(),
				this.substantive.counts(form.kind(), form.content()));
		followUp = this.followUps.saveAndFlush(followUp);
		this.fieldValues.store(followUp.getId(), fields);
		countIfSubstantive(followUp);
		this.audit.record(AuditAction.FOLLOW_UP_CREATED, "follow_up", followUp.getId(),
				Map.of("customerId", customerId, "kind", form.kind().name()));
		return this.fieldValues.attach(followUp.toView(this.organization::displayName));
	}

	/** The customer's timeline, newest first. */
	@Transactional
	public PageResult<FollowUpView> timeline(long customerId, PageRequest page) {
		boolean pooled = this.visibility.requireVisible(customerId) == CustomerAccess.POOL;
		this.reads.customer(customerId);
		Page<FollowUp> found = this.followUps.findByCustomerIdOrderByCreatedAtDescIdDesc(customerId,
				org.springframework.data.domain.PageRequest.of(page.page(), page.size()));
		Map<Long, String> authors = this.organization.displayNames(found.getContent()
			.stream()
			.flatMap(f -> Stream.of(f.getAuthorId(), f.getBroughtInBy()))
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		this.audit.record(AuditAction.FOLLOW_UPS_LISTED, "customer", customerId,
				Map.of("rows", found.getNumberOfElements()));
		Map<Long, List<AttachmentView>> files = this.attachments
			.ofFollowUps(found.getContent().stream().map(FollowUp::getId).toList());
		return new PageResult<>(this.fieldValues.attach(found.getContent()
			.stream()
			.map(f -> f.toView(authors::get).withAttachments(files.getOrDefault(f.getId(), List.of())))
			.map(view -> pooled ? view.seenThroughThePool(CurrentEmployee.id()) : view)
			.toList()), page.page(), page.size(), found.getTotalElements());
	}

	/** One follow-up of a customer the caller may see, e.g. to correct it. */
	@Transactional(readOnly = true)
	public FollowUpView find(long customerId, long followUpId) {
		FollowUp followUp = this.followUps.findById(followUpId)
			.filter(f -> f.getCustomerId() == customerId)
			.orElseThrow(() -> new NotFoundException("follow-up"));
		CustomerAccess access = this.visibility.accessTo(customerId);
		if (!access.canRead()) {
			throw new NotFoundException("follow-up");
		}
		this.reads.customer(customerId);
		FollowUpView view = this.fieldValues.attach(followUp.toView(this.organization::displayName)
			.withAttachments(this.attachments.ofFollowUps(List.of(followUpId)).getOrDefault(followUpId, List.of())));
		return access == CustomerAccess.POOL ? view.seenThroughThePool(CurrentEmployee.id()) : view;
	}

	/** A correction by its author within 24 hours; the replaced version is kept. */
	@Transactional
	public FollowUpView correct(long followUpId, FollowUpChanges changes) {
		FollowUp followUp = this.followUps.findById(followUpId).orElseThrow(() -> new NotFoundException("follow-up"));
		if (!this.visibility.accessTo(followUp.getCustomerId()).canRead()) {
			throw new NotFoundException("follow-up");
		}
		long me = CurrentEmployee.id();
		if (!followUp.editableBy(me, this.clock.now())) {
			throw new ForbiddenException(
					"only its author may correct a follow-up, within 24 hours; add a new follow-up instead");
		}
		this.visibility.requireWritable(followUp.getCustomerId());
		if (changes.version() != followUp.getVersion()) {
			throw new ConflictException("stale_version", "the follow-up was changed meanwhile; reload it");
		}
		checkContact(changes.contactId(), followUp.getCustomerId());
		this.jdbc.sql("""
				insert into follow_up_revision (follow_up_id, kind, content, contact_id, next_contact_at, replaced_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(followUp.getId(), followUp.getKind().name(), followUp.getContent(), followUp.getContactId(),
					followUp.getNextContactAt() == null ? null : java.sql.Timestamp.from(followUp.getNextContactAt()),
					me)
			.update();
		followUp.record(changes.kind(), changes.content().strip(), changes.contactId(), changes.nextContactAt(),
				followUp.isSubstantive() || this.substantive.counts(changes.kind(), changes.content()));
		followUp = this.followUps.saveAndFlush(followUp);
		countIfSubstantive(followUp);
		this.audit.record(AuditAction.FOLLOW_UP_CORRECTED, "follow_up", followUpId,
				Map.of("customerId", followUp.getCustomerId()));
		return followUp.toView(this.organization::displayName);
	}

	/**
	 * A follow-up that counts moves the customer's clock; one that counted once keeps
	 * counting after a correction (its clock was already moved).
	 */
	void countIfSubstantive(FollowUp followUp) {
		if (followUp.isSubstantive()) {
			this.activity.followedUp(followUp.getCustomerId(), followUp.getCreatedAt());
		}
	}

	private void checkContact(Long contactId, long customerId) {
		if (contactId != null && !this.contacts.belongsTo(contactId, customerId)) {
			throw new InvalidInputException("contactId", "no such contact at this customer");
		}
	}

}
