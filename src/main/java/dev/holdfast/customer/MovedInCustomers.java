package dev.holdfast.customer;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers whose history began before Holdfast (moving in; the demo company): recorded
 * as of the day they began, in chunks, with one batch of statements per table instead of
 * one save per row.
 */
@Service
public class MovedInCustomers {

	/**
	 * One customer to record, with its contacts, as of {@code since}. ownerId null = the
	 * public pool.
	 */
	public record NewCustomer(CustomerForm customer, Long ownerId, Instant since, List<ContactForm> contacts) {
	}

	/**
	 * What became of one NewCustomer: the customer id and its contacts' ids, in order.
	 */
	public record Recorded(long customerId, List<Long> contactIds) {
	}

	/**
	 * Records a chunk in the caller's transaction (all or nothing): for each, the
	 * customer (created as of {@code since}), its first owner history (IMPORTED) and
	 * first revision, its contacts (encrypted and indexed as {@link ContactManagement}
	 * does) and one audit event {@code CUSTOMER_IMPORTED}, recorded now. Needs
	 * {@code customer.import} (refused while serving notice); each owner must be an
	 * employee who may own customers and whom the caller's scope covers; {@code since}
	 * not in the future; the forms valid. Duplicates are not checked here.
	 * @param source who records: "import:&lt;id&gt;" or "demo"
	 */
	@Transactional
	public List<Recorded> recordAll(List<NewCustomer> customers, String source) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Adds contacts (as of since) to an existing customer the caller may write: a merge.
	 */
	@Transactional
	public List<Long> addContacts(long customerId, List<ContactForm> contacts, Instant since, String source) {
		throw new UnsupportedOperationException("not yet");
	}

}
