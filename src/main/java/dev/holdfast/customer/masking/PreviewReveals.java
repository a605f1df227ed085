package dev.holdfast.customer.masking;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.FieldPolicy;
import dev.holdfast.customer.masking.RevealForm.SensitiveField;
import dev.holdfast.shared.HoldfastClock;

/**
 * A phone of an import's file found at a customer the importer sees only masked is a
 * reveal: the preview answers "this number is that customer's", which is what a reveal
 * answers (a file of ten thousand guesses of {@code 138****5678} finds the one that is
 * there). Such a hit is therefore taken from the importer's daily reveal quota
 * ({@link RevealQuota}) and audited as {@code CONTACT_REVEALED} with the import's id,
 * exactly once per contact and day (a contact the importer revealed today already, on its
 * page or by an earlier preview, costs nothing again). A hit on a customer whose phones
 * the importer sees in full costs nothing. Once the quota is used up, no phone is
 * answered at all (found or not, at whatever customer): the "not found" answers would
 * otherwise tell the one that is found apart.
 */
@Component
public class PreviewReveals {

	private final JdbcClient jdbc;

	private final RevealQuota quota;

	private final FieldPolicies policies;

	private final Recorder recorder;

	private final HoldfastClock clock;

	PreviewReveals(JdbcClient jdbc, RevealQuota quota, FieldPolicies policies, Recorder recorder, HoldfastClock clock) {
		this.jdbc = jdbc;
		this.quota = quota;
		this.policies = policies;
		this.recorder = recorder;
		this.clock = clock;
	}

	/**
	 * The importer's reveals left today, for the checks of one transaction: read under
	 * the lock their reveals take, which then holds until that transaction ends (their
	 * reveals on the pages wait), and taken from in memory.
	 */
	public Room room(long employeeId) {
		return new Room(employeeId, this.quota.reserve(employeeId));
	}

	/** Whether the caller sees the phones of this customer's contacts only masked. */
	public boolean masked(long customerId) {
		return masked(customerId, SensitiveField.phone);
	}

	private boolean masked(long customerId, SensitiveField field) {
		return this.policies.forCustomer(customerId).get(field) != FieldPolicy.FULL;
	}

	/**
	 * Of the customers a search by an exact phone or e-mail found, those the caller may
	 * be told of: the customer list answers "this number is that customer's" just as the
	 * import preview does (insider attack, stop 23: 300 guesses of a masked number in 48
	 * s, free). A customer whose field the caller sees in full costs nothing; one seen
	 * masked costs a reveal (once per contact and day), is left out without the
	 * permission to reveal, and is left out once the quota is used up.
	 */
	public java.util.Set<Long> answerable(java.util.Collection<Long> customerIds, SensitiveField field, byte[] index,
			long employeeId) {
		java.util.Set<Long> answered = new java.util.LinkedHashSet<>();
		Room room = null;
		for (long customerId : customerIds) {
			if (!masked(customerId, field)) {
				answered.add(customerId);
				continue;
			}
			if (!dev.holdfast.shared.Permission.CONTACT_REVEAL.isHeld()) {
				continue;
			}
			if (room == null) {
				room = room(employeeId);
			}
			if (room.left()) {
				room.take(customerId, field, index, null);
				answered.add(customerId);
			}
		}
		return answered;
	}

	/** What is left of an importer's reveals within one transaction. */
	public final class Room {

		private final long employeeId;

		private int left;

		Room(long employeeId, int left) {
			this.employeeId = employeeId;
			this.left = left;
		}

		/** Whether a phone may still be looked up at all. */
		public boolean left() {
			return this.left > 0;
		}

		/**
		 * Takes a reveal for the contact of this customer holding the phone (by its blind
		 * index), unless the importer revealed that contact's phone today already;
		 * records it for good (ledger and audit, in a transaction of its own, as the
		 * duplicate refusals are).
		 */
		public void take(long customerId, byte[] phoneIndex, Long importId) {
			take(customerId, SensitiveField.phone, phoneIndex, importId);
		}

		/**
		 * Takes a reveal of the field ({@code phone} or {@code email}) for the contact of
		 * this customer whose blind index it is, unless revealed today already.
		 */
		public void take(long customerId, SensitiveField field, byte[] index, Long importId) {
			String column = field == SensitiveField.email ? "email_index" : "phone_index";
			Long contactId = PreviewReveals.this.jdbc
				.sql("select min(id) from contact where customer_id = ? and " + column + " = ? and archived_at is null")
				.params(customerId, index)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (contactId == null || revealedToday(contactId, field)) {
				return;
			}
			PreviewReveals.this.recorder.record(this.employeeId, contactId, customerId, field, importId);
			this.left--;
		}

		private boolean revealedToday(long contactId, SensitiveField field) {
			return PreviewReveals.this.jdbc.sql("""
					select exists (select 1 from contact_reveal where employee_id = ? and contact_id = ?
					               and field = ? and revealed_at >= ?)""")
				.params(this.employeeId, contactId, field.name(), Timestamp
					.from(PreviewReveals.this.clock.today().atStartOfDay(PreviewReveals.this.clock.zone()).toInstant()))
				.query(Boolean.class)
				.single();
		}

	}

	/**
	 * Writes a preview's reveal in a transaction of its own: the preview's transaction
	 * holds the lock of the importer's reveals (taken again here it would wait on
	 * itself), and the audit chain's lock must not be held for the rest of a long
	 * preview.
	 */
	@Component
	static class Recorder {

		private final JdbcClient jdbc;

		private final AuditTrail audit;

		Recorder(JdbcClient jdbc, AuditTrail audit) {
			this.jdbc = jdbc;
			this.audit = audit;
		}

		@Transactional(propagation = Propagation.REQUIRES_NEW)
		public void record(long employeeId, long contactId, long customerId, SensitiveField field, Long importId) {
			this.jdbc.sql("insert into contact_reveal (employee_id, contact_id, field) values (?, ?, ?)")
				.params(employeeId, contactId, field.name())
				.update();
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("customerId", customerId);
			facts.put("field", field.name());
			if (importId != null) {
				facts.put("importId", importId);
			}
			this.audit.record(AuditAction.CONTACT_REVEALED, "contact", contactId, facts);
		}

	}

}
