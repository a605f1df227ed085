package dev.holdfast.customer;

import java.time.Instant;
import java.util.Collection;

import org.springframework.stereotype.Service;

import dev.holdfast.customer.duplicate.DuplicateCheck;

/**
 * The duplicate check (查重) for a preview, one row of an import at a time: the same rules
 * and the same daily budget as every duplicate refusal, an answer instead of an
 * exception, and nothing written but the refusal's audit event. A duplicate the caller
 * may not see is named by nothing (no id, no owner).
 */
@Service
public class DuplicateProbe {

	private final DuplicateCheck check;

	DuplicateProbe(DuplicateCheck check) {
		this.check = check;
	}

	/**
	 * What the duplicate check says of a company name or a phone.
	 *
	 * @param duplicate whether another customer has it
	 * @param visibleCustomerId that customer, only when the caller may see it
	 * @param budgetExhausted the caller's budget is used up: nothing was looked up, and
	 * the row must be refused, never created unchecked
	 * @param revealQuotaUsedUp a phone not answered, found or not, because the caller's
	 * daily reveal quota is used up (a phone found at a customer they see only masked is
	 * a reveal: {@link dev.holdfast.customer.masking.PreviewReveals}); the row must be
	 * refused as unchecked too
	 */
	public record Probe(boolean duplicate, Long visibleCustomerId, boolean budgetExhausted, boolean revealQuotaUsedUp) {

		public Probe(boolean duplicate, Long visibleCustomerId, boolean budgetExhausted) {
			this(duplicate, visibleCustomerId, budgetExhausted, false);
		}

	}

	/**
	 * The checks of many rows in the caller's transaction (a preview): the budget is
	 * looked up once and held (the caller's other checks wait until commit), each refusal
	 * taken from it as it comes, so the answers are the same as one {@link #companyName}
	 * or {@link #phone} after another, without the budget's query each time.
	 */
	public Batch batch() {
		return this.check.probes();
	}

	/**
	 * {@link #batch()} for the preview of one import: every refusal, and the budget's
	 * refusal, is audited with the import's id ({@code importId} in its facts).
	 */
	public Batch batch(long importId) {
		return this.check.probes(importId);
	}

	/**
	 * {@link #batch(long)} for an import whose larger allowance an administrator
	 * approved: its values are taken from that allowance (counted and audited as
	 * {@code allowance}), never from the importer's daily budget, which stays as it is
	 * for every other import and check.
	 */
	public Batch batch(Allowance allowance) {
		return this.check.probes(allowance);
	}

	/**
	 * An approved allowance of one import: how many values its previews may look up in
	 * all, counted from the audit trail since the import began.
	 */
	public record Allowance(long importId, long values, Instant since) {

	}

	/** Checks of one transaction (see {@link #batch()}). */
	public interface Batch {

		/**
		 * Looks the values (company names as written, phones in E.164) up at once, in two
		 * statements, so that the answers for them need no statement of their own.
		 * Nothing is counted or audited here: the budget is taken, and refusals recorded,
		 * by the answers, in their order.
		 */
		void prefetch(Collection<String> names, Collection<String> e164Phones);

		/**
		 * {@link #prefetch(Collection, Collection)} with the phones chosen once the names
		 * are looked up ({@link #prefetched}): the phones of a row found by its name are
		 * looked up only when a merge may add to its customer. Counted as one prefetch.
		 */
		void prefetch(Collection<String> names, java.util.function.Supplier<? extends Collection<String>> e164Phones);

		/**
		 * What the last {@link #prefetch} found of a company name. Not an answer (nothing
		 * counted or audited; the name's answer is {@link #companyName}, in the row's
		 * order): it only says which phones are worth looking up.
		 *
		 * @param found a company has the name
		 * @param seenInFull that company, when the caller sees its contacts in full
		 * ({@link #seenInFull}); null otherwise
		 */
		record Prefetched(boolean found, Long seenInFull) {

		}

		Prefetched prefetched(String name);

		Probe companyName(String name);

		/**
		 * A phone, whose answer the caller shows (a row's verdict, or which of its
		 * contacts a commit writes, which the importer sees afterwards). A phone found at
		 * a customer the caller sees only masked is a reveal, taken from their reveal
		 * quota; once the quota is used up no phone is answered, found or not
		 * ({@code revealQuotaUsedUp}).
		 */
		Probe phone(String e164Phone);

		/**
		 * Whether the caller sees the phones of this customer's contacts in full (may
		 * read it, and a FULL policy as a team member): only then may an import merge
		 * into it, and compare the row's phones with its contacts' ({@link #heldBy}).
		 */
		boolean seenInFull(long customerId);

		/**
		 * Which of these phones (E.164) the customer's own contacts hold, for a customer
		 * the caller sees in full ({@link #seenInFull}; empty for any other): the
		 * comparison a merge needs, telling the caller nothing they don't see, so neither
		 * counted nor audited.
		 */
		java.util.Set<String> heldBy(long customerId, Collection<String> e164Phones);

	}

	/**
	 * Through the rules of {@link DuplicateCheck#companyName}: a refusal counts against
	 * the budget and is audited like any duplicate refusal.
	 */
	public Probe companyName(String name) {
		return this.check.probeCompanyName(name);
	}

	/**
	 * Through the rules of {@link DuplicateCheck#phone}, counted and audited the same.
	 */
	public Probe phone(String e164Phone) {
		return this.check.probePhone(e164Phone);
	}

}
