package dev.holdfast.knowhow;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerStatus;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.followup.FollowUpKind;
import dev.holdfast.organization.DataScopes;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * The know-how library: managers publish a redacted copy of a customer's follow-ups and
 * may withdraw their own, or those of people their data scope covers; everyone who
 * records follow-ups reads and searches it. The original follow-ups are never touched.
 */
@Service
public class KnowHowLibrary {

	private final KnowHowSource source;

	private final KnowHowItems items;

	private final CustomerVisibility visibility;

	private final AuditTrail audit;

	private final DataScopes scopes;

	private final KnowHowProperties properties;

	private final HoldfastClock clock;

	KnowHowLibrary(KnowHowSource source, KnowHowItems items, CustomerVisibility visibility, AuditTrail audit,
			DataScopes scopes, KnowHowProperties properties, HoldfastClock clock) {
		this.clock = clock;
		this.source = source;
		this.items = items;
		this.visibility = visibility;
		this.audit = audit;
		this.scopes = scopes;
		this.properties = properties;
	}

	@Transactional
	KnowHowDetails publish(PublishForm form) {
		Permission.KNOWHOW_PUBLISH.require();
		this.visibility.requireVisible(form.customerId());
		SourceSequence sequence = this.source.sequence(this.source.customer(form.customerId()), followUps(form));
		RedactedCopy copy = RedactedCopy.of(sequence, form);
		long customerId = sequence.customer().id();
		long id = this.items.insert(copy.summary(), copy.steps(), copy.searchText(), customerId, CurrentEmployee.id());
		this.audit.record(AuditAction.KNOWHOW_PUBLISHED, "knowhow", id, Map.of("customerId", customerId, "followUpIds",
				sequence.followUps().stream().map(SourceSequence.FollowUp::id).toList()));
		return this.items.find(id).orElseThrow();
	}

	/**
	 * The customer (its name, for the manager's eyes only) and its latest follow-ups to
	 * choose from.
	 */
	@Transactional(readOnly = true)
	PublishChoice choice(long customerId) {
		Permission.KNOWHOW_PUBLISH.require();
		this.visibility.requireVisible(customerId);
		return new PublishChoice(this.source.customer(customerId).name(),
				this.source.candidates(customerId, this.properties.maxSteps() * 4));
	}

	record PublishChoice(String customerName, List<PublishCandidate> followUps) {
	}

	private List<SourceSequence.FollowUp> followUps(PublishForm form) {
		List<Long> ids = form.chosenIds();
		List<SourceSequence.FollowUp> chosen;
		if (!ids.isEmpty()) {
			if (ids.size() > this.properties.maxSteps()) {
				throw new InvalidInputException("followUpIds", "at most " + this.properties.maxSteps() + " follow-ups");
			}
			chosen = this.source.byIds(form.customerId(), ids);
			if (chosen.size() != ids.size()) {
				throw new InvalidInputException("followUpIds", "not a follow-up of this customer");
			}
			return chosen;
		}
		if (form.from() == null || form.to() == null) {
			throw new InvalidInputException("followUpIds", "choose follow-ups or a date range");
		}
		if (form.to().isBefore(form.from())) {
			throw new InvalidInputException("to", "must not be before from");
		}
		chosen = this.source.between(form.customerId(), form.from(), form.to(), this.clock.zone(),
				this.properties.maxSteps() + 1);
		if (chosen.isEmpty()) {
			throw new InvalidInputException("from", "no follow-ups in this range");
		}
		if (chosen.size() > this.properties.maxSteps()) {
			throw new InvalidInputException("from", "at most " + this.properties.maxSteps() + " follow-ups");
		}
		return chosen;
	}

	@Transactional(readOnly = true)
	PageResult<KnowHowSummary> search(KnowHowQuery query, PageRequest page) {
		requireReader();
		if (query.kind() != null
				&& Arrays.stream(FollowUpKind.values()).noneMatch(k -> k.name().equals(query.kind()))) {
			throw new InvalidInputException("kind", "unknown follow-up kind");
		}
		if (query.stage() != null
				&& Arrays.stream(CustomerStatus.values()).noneMatch(s -> s.name().equals(query.stage()))) {
			throw new InvalidInputException("stage", "unknown stage");
		}
		return this.items.search(query, page);
	}

	@Transactional(readOnly = true)
	List<String> industries() {
		requireReader();
		return this.items.industries();
	}

	@Transactional(readOnly = true)
	KnowHowDetails find(long id) {
		requireReader();
		return this.items.find(id).orElseThrow(() -> new NotFoundException("know-how"));
	}

	/** Readers are those who record follow-ups, and the managers who publish. */
	static void requireReader() {
		if (!Permission.KNOWHOW_PUBLISH.isHeld()) {
			Permission.FOLLOWUP_CREATE.require();
		}
	}

	/**
	 * Only its publisher, or a manager whose data scope covers the publisher, withdraws
	 * an item; everyone else who publishes sees it in the library, so is told 403 rather
	 * than 404, and nothing changes.
	 */
	@Transactional
	void withdraw(long id) {
		Permission.KNOWHOW_PUBLISH.require();
		long publisher = this.items.publisher(id).orElseThrow(() -> new NotFoundException("know-how"));
		if (!coversPublisher(publisher)) {
			throw new ForbiddenException("only its publisher or a manager over them withdraws this item");
		}
		if (!this.items.withdraw(id, CurrentEmployee.id())) {
			throw new NotFoundException("know-how");
		}
		this.audit.record(AuditAction.KNOWHOW_WITHDRAWN, "knowhow", id, Map.of("publishedBy", publisher));
	}

	/** Whether the caller may withdraw the item: the page offers it only then. */
	@Transactional(readOnly = true)
	boolean withdrawable(long id) {
		return Permission.KNOWHOW_PUBLISH.isHeld()
				&& this.items.publisher(id).filter(this::coversPublisher).isPresent();
	}

	private boolean coversPublisher(long publisher) {
		return this.scopes.ownerScopeOf(CurrentEmployee.id()).covers(publisher);
	}

}
