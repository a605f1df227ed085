package dev.holdfast.followup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditEntry;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.ContactManagement;
import dev.holdfast.customer.CustomerActivity;
import dev.holdfast.customer.MovedInCustomers;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.RowErrors;

/**
 * Follow-ups recorded as of the day they happened (moving in; the demo company), a chunk
 * at a time in the caller's transaction, in one statement: the columns
 * {@link FollowUpManagement#record} writes, with the same rule for which ones count for
 * the customer's clock, and one audit event each, recorded now.
 */
@Service
public class PastFollowUps {

	private final MovedInCustomers customers;

	private final ContactManagement contacts;

	private final OrganizationManagement organization;

	private final CustomerActivity activity;

	private final SubstantiveRule substantive;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Validator validator;

	private final HoldfastClock clock;

	PastFollowUps(MovedInCustomers customers, ContactManagement contacts, OrganizationManagement organization,
			CustomerActivity activity, SubstantiveRule substantive, AuditTrail audit, JdbcClient jdbc,
			Validator validator, HoldfastClock clock) {
		this.customers = customers;
		this.contacts = contacts;
		this.organization = organization;
		this.activity = activity;
		this.substantive = substantive;
		this.audit = audit;
		this.jdbc = jdbc;
		this.validator = validator;
		this.clock = clock;
	}

	/**
	 * Records follow-ups as of their {@code at}, batch, in the caller's transaction; one
	 * audit event each ({@code FOLLOW_UP_CREATED} with facts backdated=true, source);
	 * moves each customer's last follow-up forward (never back). Needs
	 * {@code customer.import} (refused while serving notice); each customer must be
	 * writable by the caller or just recorded by them (404/403 as elsewhere); rows
	 * invalid by {@link FollowUpForm}'s rules, in the future, by an unknown author or
	 * naming another customer's contact are refused (400 at {@code followUps[i].field}),
	 * all or nothing. Returns the ids in order.
	 */
	@Transactional
	public List<Long> recordAll(List<PastFollowUp> followUps, String source) {
		GuardedAction.IMPORT.require();
		check(followUps);
		this.customers.requireWritable(followUps.stream().map(PastFollowUp::customerId).collect(Collectors.toSet()),
				source);
		if (followUps.isEmpty()) {
			return List.of();
		}
		List<Long> ids = this.jdbc
			.sql("select nextval(pg_get_serial_sequence('follow_up', 'id')) from generate_series(1, ?)")
			.param(followUps.size())
			.query(Long.class)
			.list();
		List<Boolean> counted = followUps.stream().map(f -> this.substantive.counts(f.kind(), f.content())).toList();
		insert(ids, followUps, counted);
		Map<Long, Instant> latest = new HashMap<>();
		List<AuditEntry> events = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			PastFollowUp followUp = followUps.get(i);
			Instant at = micros(followUp.at());
			if (counted.get(i)) {
				latest.merge(followUp.customerId(), at, (a, b) -> a.isAfter(b) ? a : b);
			}
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("customerId", followUp.customerId());
			facts.put("kind", followUp.kind().name());
			facts.put("backdated", true);
			facts.put("at", at.toString());
			facts.put("source", source);
			events.add(new AuditEntry(AuditAction.FOLLOW_UP_CREATED, "follow_up", ids.get(i), facts));
		}
		this.activity.followedUp(latest);
		this.audit.recordAll(events);
		return ids;
	}

	private void check(List<PastFollowUp> followUps) {
		RowErrors errors = new RowErrors(this.validator);
		Instant now = this.clock.now();
		Set<Long> authors = this.organization
			.employees(followUps.stream().map(PastFollowUp::authorId).collect(Collectors.toSet()))
			.stream()
			.map(EmployeeView::id)
			.collect(Collectors.toSet());
		Map<Long, Long> contactCustomers = this.contacts.customersOf(
				followUps.stream().map(PastFollowUp::contactId).filter(Objects::nonNull).collect(Collectors.toSet()));
		for (int i = 0; i < followUps.size(); i++) {
			String row = "followUps[" + i + "]";
			PastFollowUp followUp = followUps.get(i);
			errors.validate(row, followUp);
			if (followUp.at() != null && followUp.at().isAfter(now)) {
				errors.add(row + ".at", "must not be in the future");
			}
			if (!authors.contains(followUp.authorId())) {
				errors.add(row + ".authorId", "no such employee");
			}
			if (followUp.contactId() != null
					&& !Objects.equals(contactCustomers.get(followUp.contactId()), followUp.customerId())) {
				errors.add(row + ".contactId", "no such contact at this customer");
			}
		}
		errors.throwIfAny();
	}

	private void insert(List<Long> ids, List<PastFollowUp> followUps, List<Boolean> counted) {
		this.jdbc.sql("""
				insert into follow_up (id, customer_id, contact_id, author_id, kind, content, next_contact_at,
				                       created_at, updated_at, version, substantive, brought_in_by)
				select f.id, f.customer_id, f.contact_id, f.author_id, f.kind, f.content, f.next_contact_at, f.at,
				       f.at, 0, f.substantive, :by
				from unnest(:ids::bigint[], :customers::bigint[], :contacts::bigint[], :authors::bigint[],
				            :kinds::text[], :contents::text[], :next::timestamptz[], :at::timestamptz[],
				            :substantive::boolean[])
				     as f (id, customer_id, contact_id, author_id, kind, content, next_contact_at, at, substantive)""")
			.param("ids", ids.toArray(Long[]::new))
			.param("customers", followUps.stream().map(PastFollowUp::customerId).toArray(Long[]::new))
			.param("contacts", followUps.stream().map(PastFollowUp::contactId).toArray(Long[]::new))
			.param("authors", followUps.stream().map(PastFollowUp::authorId).toArray(Long[]::new))
			.param("kinds", followUps.stream().map(f -> f.kind().name()).toArray(String[]::new))
			.param("contents", followUps.stream().map(f -> f.content().strip()).toArray(String[]::new))
			.param("next",
					followUps.stream()
						.map(f -> f.nextContactAt() == null ? null : micros(f.nextContactAt()).toString())
						.toArray(String[]::new))
			.param("at", followUps.stream().map(f -> micros(f.at()).toString()).toArray(String[]::new))
			.param("substantive", counted.toArray(Boolean[]::new))
			.param("by", CurrentEmployee.id())
			.update();
	}

	private static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

}
