package dev.holdfast.followup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerAccess;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Files on follow-ups. Who may add one: the follow-up's author, within the same 24 hours
 * in which they may correct it (a file is part of their account of what happened; a later
 * document goes with a new follow-up). Who may read one: whoever may see the customer,
 * exactly as for the follow-up itself. Every file added and every download is audited;
 * nothing is ever deleted. A follow-up with a file counts as substantive.
 */
@Service
class FollowUpAttachments {

	/** The most files one request may carry. */
	static final int MAX_FILES = 10;

	private final FollowUps followUps;

	private final FollowUpManagement management;

	private final CustomerVisibility visibility;

	private final Attachments attachments;

	private final UploadCheck check;

	private final AttachmentStorage storage;

	private final AuditTrail audit;

	private final CustomerReads reads;

	private final HoldfastClock clock;

	FollowUpAttachments(FollowUps followUps, FollowUpManagement management, CustomerVisibility visibility,
			Attachments attachments, UploadCheck check, AttachmentStorage storage, AuditTrail audit,
			CustomerReads reads, HoldfastClock clock) {
		this.reads = reads;
		this.followUps = followUps;
		this.management = management;
		this.visibility = visibility;
		this.attachments = attachments;
		this.check = check;
		this.storage = storage;
		this.audit = audit;
		this.clock = clock;
	}

	/** Adds files to a follow-up; all are checked before any is stored. */
	@Transactional
	List<AttachmentView> attach(long followUpId, List<Upload> uploads, String field) {
		FollowUp followUp = visible(followUpId);
		this.visibility.requireWritable(followUp.getCustomerId());
		Permission.FOLLOWUP_CREATE.require();
		if (!followUp.editableBy(CurrentEmployee.id(), this.clock.now())) {
			throw new ForbiddenException(
					"only its author may add files to a follow-up, within 24 hours; add a new follow-up instead");
		}
		return store(followUp, checked(uploads, field, true));
	}

	/** Records a follow-up with its files, all or nothing. */
	@Transactional
	FollowUpView record(long customerId, FollowUpForm form, List<Upload> uploads, String field) {
		this.visibility.requireWritable(customerId);
		List<UploadCheck.Checked> files = checked(uploads, field, false);
		FollowUpView recorded = this.management.record(customerId, form);
		if (files.isEmpty()) {
			return recorded;
		}
		store(this.followUps.findById(recorded.id()).orElseThrow(), files);
		// marked substantive by its files: the answer shows the version and files it now
		// has
		return this.management.find(customerId, recorded.id());
	}

	/** A follow-up's files; without who added them where the author is hidden. */
	@Transactional(readOnly = true)
	List<AttachmentView> list(long followUpId) {
		FollowUp followUp = this.followUps.findById(followUpId).orElseThrow(() -> new NotFoundException("follow-up"));
		CustomerAccess access = this.visibility.accessTo(followUp.getCustomerId());
		if (!access.canRead()) {
			throw new NotFoundException("follow-up");
		}
		this.reads.customer(followUp.getCustomerId());
		boolean pooled = access == CustomerAccess.POOL;
		return this.attachments.ofFollowUp(followUpId)
			.stream()
			.map(Attachments.Stored::toView)
			.map(view -> pooled ? view.withoutUploader() : view)
			.toList();
	}

	/** The file (or its thumbnail) for someone who may see the customer; audited. */
	@Transactional
	Download download(long attachmentId, boolean thumbnail) {
		Attachments.Stored row = this.attachments.find(attachmentId)
			.filter(a -> this.visibility.accessTo(a.customerId()).canRead())
			.filter(a -> !thumbnail || a.thumbnailKey() != null)
			.orElseThrow(() -> new NotFoundException("attachment"));
		this.reads.customer(row.customerId());
		byte[] bytes = thumbnail ? this.storage.openThumbnail(row) : this.storage.open(row);
		this.audit.record(AuditAction.ATTACHMENT_DOWNLOADED, "follow_up_attachment", attachmentId, Map.of("followUpId",
				row.followUpId(), "customerId", row.customerId(), "variant", thumbnail ? "thumbnail" : "original"));
		AttachmentView view = row.toView();
		return thumbnail ? new Download(row.fileName() + ".jpg", "image/jpeg", true, bytes)
				: new Download(row.fileName(), row.mediaType(), view.image(), bytes);
	}

	long maxMegabytes() {
		return this.check.maxMegabytes();
	}

	private FollowUp visible(long followUpId) {
		return this.followUps.findById(followUpId)
			.filter(f -> this.visibility.accessTo(f.getCustomerId()).canRead())
			.orElseThrow(() -> new NotFoundException("follow-up"));
	}

	private List<UploadCheck.Checked> checked(List<Upload> uploads, String field, boolean required) {
		List<Upload> present = uploads.stream()
			.filter(u -> u.size() > 0 || (u.fileName() != null && !u.fileName().isEmpty()))
			.toList();
		if (present.isEmpty() && required) {
			throw new InvalidInputException(field, "is required");
		}
		if (present.size() > MAX_FILES) {
			throw new InvalidInputException(field, "at most " + MAX_FILES + " files at a time");
		}
		return present.stream().map(upload -> this.check.check(upload, field)).toList();
	}

	private List<AttachmentView> store(FollowUp followUp, List<UploadCheck.Checked> files) {
		long me = CurrentEmployee.id();
		List<AttachmentView> added = new ArrayList<>();
		for (UploadCheck.Checked file : files) {
			long id = this.attachments.nextId();
			AttachmentStorage.Stored stored = this.storage.store(id, file);
			Attachments.Stored row = new Attachments.Stored(id, followUp.getId(), followUp.getCustomerId(),
					stored.objectKey(), stored.thumbnailKey(), file.fileName(), file.type().mediaType(),
					file.bytes().length, stored.sha256(), me, this.clock.now().truncatedTo(ChronoUnit.MICROS));
			this.attachments.insert(row);
			this.audit.record(AuditAction.ATTACHMENT_ADDED, "follow_up_attachment", id,
					Map.of("followUpId", followUp.getId(), "customerId", followUp.getCustomerId(), "mediaType",
							row.mediaType(), "sizeBytes", row.sizeBytes()));
			added.add(row.toView());
		}
		followUp.markSubstantive();
		this.management.countIfSubstantive(this.followUps.saveAndFlush(followUp));
		return added;
	}

}
