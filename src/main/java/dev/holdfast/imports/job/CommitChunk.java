package dev.holdfast.imports.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.ContactForm;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.MovedInCustomers;
import dev.holdfast.customer.MovedInCustomers.NewCustomer;
import dev.holdfast.customer.MovedInCustomers.Recorded;
import dev.holdfast.imports.ImportChoices.DuplicateChoice;
import dev.holdfast.imports.RowContent;
import dev.holdfast.imports.RowVerdict.Verdict;
import dev.holdfast.imports.store.ImportFiles;
import dev.holdfast.imports.store.ImportRows;
import dev.holdfast.imports.store.StoredRow;
import dev.holdfast.imports.store.StoredRow.Outcome;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.HoldfastClock;

/**
 * One chunk of a commit, in the caller's transaction: the next rows not yet done become
 * customers (or contacts of the visible customer they duplicate, when the importer chose
 * to merge), their follow-ups are recorded, and the rows are marked done with the
 * customer in the same transaction, so a row is written once however often the commit is
 * run. A row of the same customer as an earlier row adds its contacts and follow-up to
 * the customer that row created or merged into (found in this chunk, else among the rows
 * done before), or is skipped with it.
 */
@Component
class CommitChunk {

	private static final Pattern ROW = Pattern.compile("customers\\[(\\d+)]");

	/**
	 * A test stops a commit at this row number (the chunk holding it rolls back); 0:
	 * never.
	 */
	static volatile long failAtRow;

	private final ImportRows rows;

	private final ImportFiles files;

	private final MovedInCustomers customers;

	private final CustomerVisibility visibility;

	private final PastFollowUpRecords followUps;

	private final HoldfastClock clock;

	CommitChunk(ImportRows rows, ImportFiles files, MovedInCustomers customers, CustomerVisibility visibility,
			PastFollowUpRecords followUps, HoldfastClock clock) {
		this.rows = rows;
		this.files = files;
		this.customers = customers;
		this.visibility = visibility;
		this.followUps = followUps;
		this.clock = clock;
	}

	/**
	 * A row of the same customer as a row created in the same chunk: its contacts are
	 * that customer's from index {@code from}.
	 */
	private record Folded(StoredRow row, RowContent content, Instant since, int into, int from, int count) {

	}

	/** What one chunk did; {@code lastId} 0 when there was nothing left. */
	record Done(long lastId, long created, long merged, long skipped) {

	}

	Done run(CommitTask task, long afterId, int size) {
		List<StoredRow> open = this.rows.open(task.importId(), afterId, size);
		if (open.isEmpty()) {
			return new Done(0, 0, 0, 0);
		}
		Instant now = this.clock.now();
		List<StoredRow> creating = new ArrayList<>();
		List<NewCustomer> news = new ArrayList<>();
		List<RowContent> contents = new ArrayList<>();
		List<StoredRow> done = new ArrayList<>();
		List<PastFollowUpRecords.Made> made = new ArrayList<>();
		List<StoredRow> attaching = new ArrayList<>();
		List<RowContent> attached = new ArrayList<>();
		Map<Long, Integer> creatingAt = new HashMap<>();
		List<List<ContactForm>> contactsOf = new ArrayList<>();
		List<Folded> folded = new ArrayList<>();
		for (StoredRow row : open) {
			if (row.number() == failAtRow) {
				throw new IllegalStateException("stopped at row " + row.number() + " for a test");
			}
			RowContent content = task.content(row);
			Instant since = CommitTask.since(content, this.clock.zone(), now);
			if (row.verdict() == Verdict.NEW) {
				creatingAt.put(row.number(), creating.size());
				creating.add(row);
				contents.add(content);
				contactsOf.add(new ArrayList<>(content.contacts()));
				// held by its owner from now: the rhythm and the pool's rules count
				// from the import, not from a follow-up of years ago
				// (docs/imports.md)
				news.add(new NewCustomer(content.customer(), task.ownerOf(row), since, List.of(), now));
			}
			else if (row.verdict() == Verdict.SAME_CUSTOMER && creatingAt.containsKey(row.firstRow())) {
				// created in this chunk: its contacts go with the new customer (no write
				// permission needed on a customer that goes to the pool)
				List<ContactForm> mine = contactsOf.get(creatingAt.get(row.firstRow()));
				List<ContactForm> contacts = unmatched(content, row);
				folded
					.add(new Folded(row, content, since, creatingAt.get(row.firstRow()), mine.size(), contacts.size()));
				mine.addAll(contacts);
			}
			else if (row.verdict() == Verdict.SAME_CUSTOMER) {
				attaching.add(row);
				attached.add(content);
			}
			else if (mergeable(task, row)) {
				List<ContactForm> contacts = unmatched(content, row);
				List<Long> ids = contacts.isEmpty() ? List.of()
						: this.customers.addContacts(row.existingCustomerId(), contacts, since, task.source());
				done.add(row.done(Outcome.MERGED, row.existingCustomerId()));
				made.add(new PastFollowUpRecords.Made(row.existingCustomerId(), ids, content, since));
			}
			else {
				done.add(row.done(Outcome.SKIPPED, null));
			}
		}
		for (int i = 0; i < news.size(); i++) {
			NewCustomer plain = news.get(i);
			news.set(i, new NewCustomer(plain.customer(), plain.ownerId(), plain.since(), contactsOf.get(i),
					plain.ownedSince()));
		}
		List<Recorded> recorded = record(task, news, creating);
		for (int i = 0; i < creating.size(); i++) {
			StoredRow row = creating.get(i);
			done.add(row.done(Outcome.CREATED, recorded.get(i).customerId()));
			made.add(new PastFollowUpRecords.Made(recorded.get(i).customerId(), recorded.get(i).contactIds(),
					contents.get(i), news.get(i).since()));
		}
		for (Folded fold : folded) {
			Recorded into = recorded.get(fold.into());
			done.add(fold.row().done(Outcome.MERGED, into.customerId()));
			made.add(new PastFollowUpRecords.Made(into.customerId(),
					into.contactIds().subList(fold.from(), fold.from() + fold.count()), fold.content(), fold.since()));
		}
		attach(task, attaching, attached, done, made, now);
		this.followUps.record(task, made);
		this.rows.done(done, now);
		long created = count(done, Outcome.CREATED);
		long merged = count(done, Outcome.MERGED);
		long skipped = count(done, Outcome.SKIPPED);
		this.files.progressed(task.importId(), done.size(), created, merged, skipped);
		return new Done(open.get(open.size() - 1).id(), created, merged, skipped);
	}

	/**
	 * Adds each row of an earlier row's customer to the customer that row created or
	 * merged into (the earlier row is in this chunk or done before it: rows are taken in
	 * file order); skipped when the earlier row was.
	 */
	private void attach(CommitTask task, List<StoredRow> rows, List<RowContent> contents, List<StoredRow> done,
			List<PastFollowUpRecords.Made> made, Instant now) {
		if (rows.isEmpty()) {
			return;
		}
		Map<Long, StoredRow> firsts = new HashMap<>(
				this.rows.doneByNumber(task.importId(), rows.stream().map(StoredRow::firstRow).toList()));
		done.forEach(row -> firsts.put(row.number(), row));
		// the customers the importer may change, or brought into the pool in this import
		Set<Long> refused = this.customers.notWritable(rows.stream()
			.map(row -> firsts.get(row.firstRow()))
			.filter(first -> first != null && first.outcome() != Outcome.SKIPPED && first.customerId() != null)
			.map(StoredRow::customerId)
			.collect(Collectors.toSet()), task.source());
		for (int i = 0; i < rows.size(); i++) {
			StoredRow row = rows.get(i);
			StoredRow first = firsts.get(row.firstRow());
			Long customerId = first == null || first.outcome() == Outcome.SKIPPED ? null : first.customerId();
			if (customerId == null) {
				done.add(row.done(Outcome.SKIPPED, null));
				continue;
			}
			if (refused.contains(customerId)) {
				// the first row's customer went to an owner the importer may not
				// change (or was taken from the pool since): skipped, with the
				// customer named for the error report
				done.add(row.done(Outcome.SKIPPED, customerId));
				continue;
			}
			RowContent content = contents.get(i);
			Instant since = CommitTask.since(content, this.clock.zone(), now);
			List<ContactForm> contacts = unmatched(content, row);
			List<Long> ids = contacts.isEmpty() ? List.of()
					: this.customers.addContacts(customerId, contacts, since, task.source());
			done.add(row.done(Outcome.MERGED, customerId));
			made.add(new PastFollowUpRecords.Made(customerId, ids, content, since));
		}
	}

	private List<Recorded> record(CommitTask task, List<NewCustomer> news, List<StoredRow> rows) {
		if (news.isEmpty()) {
			return List.of();
		}
		try {
			return this.customers.recordAll(news, task.source());
		}
		catch (ConflictException ex) {
			if (ex.details().get("row") instanceof Integer row && row >= 0 && row < rows.size()) {
				throw new RowTaken(rows.get(row), ex);
			}
			throw ex;
		}
		catch (InvalidInputException ex) {
			// a row whose named owner stopped being one the importer may give customers
			// to
			// since the preview (went on notice, left): that row is skipped, not the
			// import
			// failed on every retry (insider attack)
			List<StoredRow> refused = ex.fields()
				.keySet()
				.stream()
				.map(ROW::matcher)
				.filter(Matcher::lookingAt)
				.map(m -> Integer.parseInt(m.group(1)))
				.filter(i -> i < rows.size())
				.distinct()
				.map(rows::get)
				.toList();
			if (!refused.isEmpty()) {
				throw new RowTaken(refused, ex);
			}
			throw ex;
		}
	}

	/** Marks a row skipped on its own, in the caller's transaction. */
	void skip(CommitTask task, StoredRow row) {
		this.rows.done(List.of(row.done(Outcome.SKIPPED, null)), this.clock.now());
		this.files.progressed(task.importId(), 1, 0, 0, 1);
	}

	/**
	 * A duplicate merges into its customer when the importer chose so, may change it, and
	 * sees its contacts in full, as at the preview, which then compared the row's phones
	 * with the customer's (a row with a problem was not: found at a customer seen masked,
	 * or its phones not all checked). Seen masked, a merge would tell by the contacts it
	 * adds which guess of a masked number is there (docs/imports.md).
	 */
	private boolean mergeable(CommitTask task, StoredRow row) {
		return row.verdict() == Verdict.DUPLICATE && row.existingCustomerId() != null && row.problems().isEmpty()
				&& task.choices().duplicates() == DuplicateChoice.MERGE
				&& this.visibility.accessTo(row.existingCustomerId()).canWrite()
				&& this.customers.notSeenInFull(List.of(row.existingCustomerId())).isEmpty();
	}

	/**
	 * The row's contacts whose phone no other customer has (the matched ones are left
	 * out).
	 */
	private static List<ContactForm> unmatched(RowContent content, StoredRow row) {
		List<ContactForm> contacts = content.contacts();
		List<ContactForm> kept = new ArrayList<>();
		// contact i holds the row's phone i, when the first holds one at all
		boolean firstHasPhone = content.contact() != null && content.contact().phone() != null;
		for (int i = 0; i < contacts.size(); i++) {
			if (!firstHasPhone || !row.matchedPhones().contains(i)) {
				kept.add(contacts.get(i));
			}
		}
		return kept;
	}

	private static long count(List<StoredRow> rows, Outcome outcome) {
		return rows.stream().filter(r -> r.outcome() == outcome).count();
	}

}
