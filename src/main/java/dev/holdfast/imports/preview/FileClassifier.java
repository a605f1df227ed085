package dev.holdfast.imports.preview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.holdfast.customer.CustomerKind;
import dev.holdfast.customer.DuplicateProbe;
import dev.holdfast.imports.CellProblem;
import dev.holdfast.imports.ColumnMapping;
import dev.holdfast.imports.ImportField;
import dev.holdfast.imports.ImportRow;
import dev.holdfast.imports.RowContent;
import dev.holdfast.imports.RowValidation;
import dev.holdfast.imports.RowVerdict;
import dev.holdfast.imports.RowVerdict.Verdict;
import dev.holdfast.imports.store.StoredRow;

/**
 * Classifies the rows of one file in order: invalid by the API's rules, else a repeat of
 * an earlier row's contact (same phone, or same company and contact name without a
 * phone), else another row of an earlier row's customer (same normalised company name: it
 * goes with that row, not looked up), else checked against the company through
 * {@link DuplicateProbe}. Once the importer's budget of duplicate checks is used up, no
 * further row is looked up: each is refused as unchecked. Once their reveal quota is used
 * up (a phone found at a customer they see masked is a reveal), no further phone is
 * looked up: a row with one is refused as unchecked, its phone column saying why.
 * <p>
 * A row whose customer is found (by its company name, or by a phone) goes no further
 * unless a merge may add to that customer, which needs its contacts seen in full: then
 * its phones are compared with the customer's own (nothing told, nothing counted) and the
 * others looked up as shown. Found at a customer seen masked, nothing more is looked up:
 * a merge would leave out the contacts whose phone the customer has, and so tell which
 * guess of a masked number is there; the row says that merging needs the full view, and
 * the commit skips it. The further rows of a customer go as its first row went.
 */
final class FileClassifier {

	private final ColumnMapping mapping;

	private final RowValidation.Checker checker;

	private final DuplicateProbe.Batch probe;

	private final AssignableOwners.Check owners;

	/** The first row of each company name, valid or not. */
	private final Map<String, Long> names = new HashMap<>();

	/** Company and contact name of the rows without a phone. */
	private final Set<List<String>> unreachable = new HashSet<>();

	private final Set<String> phones = new HashSet<>();

	/** How the further rows of each first row's customer are checked, by its number. */
	private final Map<Long, Joining> joinings = new HashMap<>();

	/**
	 * The phones of this chunk's rows that the customer a merge may add to holds, by row
	 * number.
	 */
	private final Map<Long, Held> held = new HashMap<>();

	private boolean exhausted;

	FileClassifier(ColumnMapping mapping, RowValidation.Checker checker, DuplicateProbe.Batch probe,
			AssignableOwners.Check owners) {
		this.mapping = mapping;
		this.checker = checker;
		this.probe = probe;
		this.owners = owners;
	}

	/**
	 * How the phones of a customer's further rows are checked, as its first row went:
	 * looked up (a customer the file creates: {@code into} null), compared with the
	 * customer found and the others looked up ({@code into}, seen in full), or not at all
	 * ({@code lookup} false: the first row is refused or skipped, or found at a customer
	 * a merge may not add to; {@code problem}, when there is one, why, shown on them
	 * too).
	 */
	private record Joining(boolean lookup, Long into, CellProblem problem) {

		static final Joining CREATED = new Joining(true, null, null);

		static final Joining NOTHING = new Joining(false, null, null);

	}

	/** The phones of a row that a customer seen in full holds itself. */
	private record Held(long customerId, Set<String> phones) {

	}

	/**
	 * Classifies rows in order, the duplicate lookups of those that need one made at once
	 * (the budget and the refusals still taken row by row, in order).
	 */
	List<StoredRow> classifyAll(List<ImportRow> rows) {
		List<Object> firsts = new ArrayList<>(rows.size());
		List<String> names = new ArrayList<>();
		for (ImportRow row : rows) {
			Object first = first(row);
			firsts.add(first);
			if (first instanceof Candidate candidate && named(candidate)) {
				names.add(candidate.content().customer().name());
			}
		}
		this.held.clear();
		if (!this.exhausted && firsts.stream().anyMatch(Candidate.class::isInstance)) {
			this.probe.prefetch(names, () -> phonesToLookUp(firsts));
		}
		List<StoredRow> classified = new ArrayList<>(rows.size());
		for (Object first : firsts) {
			classified.add(first instanceof Candidate c ? probed(c) : (StoredRow) first);
		}
		return classified;
	}

	/**
	 * The phones of this chunk worth looking up, once its names are: not those of a row
	 * found by its name (or going with such a row) unless a merge may add to that
	 * customer, nor those that customer holds itself.
	 */
	private List<String> phonesToLookUp(List<Object> firsts) {
		Map<Long, Joining> planned = new HashMap<>();
		List<String> phones = new ArrayList<>();
		for (Object first : firsts) {
			if (!(first instanceof Candidate candidate)) {
				continue;
			}
			List<String> rowPhones = candidate.content().phones();
			Joining way;
			if (candidate.firstRow() != null) {
				way = this.joinings.getOrDefault(candidate.firstRow(),
						planned.getOrDefault(candidate.firstRow(), Joining.CREATED));
			}
			else if (named(candidate)) {
				DuplicateProbe.Batch.Prefetched found = this.probe.prefetched(candidate.content().customer().name());
				way = !found.found() ? Joining.CREATED
						: found.seenInFull() != null ? new Joining(true, found.seenInFull(), null) : Joining.NOTHING;
				planned.put(candidate.row().number(), way);
			}
			else {
				way = Joining.CREATED;
			}
			if (!way.lookup()) {
				continue;
			}
			Set<String> mine = way.into() == null ? Set.of() : held(candidate.row(), way.into(), rowPhones);
			rowPhones.stream().filter(p -> !mine.contains(p)).forEach(phones::add);
		}
		return phones;
	}

	/**
	 * The row's phones that the customer, seen in full, holds itself: asked once per row.
	 */
	private Set<String> held(ImportRow row, long customerId, List<String> rowPhones) {
		Held known = this.held.get(row.number());
		if (known == null || known.customerId() != customerId) {
			known = new Held(customerId, this.probe.heldBy(customerId, rowPhones));
			this.held.put(row.number(), known);
		}
		return known.phones();
	}

	/** Whether the row's company name is looked up (a company's first row). */
	private static boolean named(Candidate candidate) {
		return candidate.firstRow() == null && candidate.content().customer().kind() == CustomerKind.COMPANY;
	}

	/**
	 * A row that must be checked against the company; for another row of an earlier row's
	 * customer ({@code firstRow}), only its phones.
	 */
	private record Candidate(ImportRow row, RowContent content, Long ownerId, Long firstRow) {

	}

	/**
	 * The row's verdict when the file alone gives it, else a candidate for the duplicate
	 * check.
	 */
	private Object first(ImportRow row) {
		RowVerdict verdict = this.checker.check(row);
		Map<Integer, CellProblem> problems = new HashMap<>(verdict.problems());
		if (verdict.ownerId() != null && !this.owners.allows(verdict.ownerId())) {
			problems.put(this.mapping.column(ImportField.OWNER).orElse(-1), CellProblem.OWNER_NOT_ASSIGNABLE);
		}
		RowContent content = RowContent.of(this.mapping, row);
		String name = content.customer().kind() != CustomerKind.PERSON && verdict.customerKey() != null
				&& !verdict.customerKey().isEmpty() ? verdict.customerKey() : null;
		Long first = name == null ? null : this.names.get(name);
		if (!problems.isEmpty()) {
			if (name != null && this.names.putIfAbsent(name, row.number()) == null) {
				// refused: its customer's further rows go with it, unchecked
				this.joinings.put(row.number(), Joining.NOTHING);
			}
			return stored(row, Verdict.INVALID, problems, null, Set.of(), verdict.ownerId(), null);
		}
		List<String> rowPhones = content.phones();
		List<String> contact = rowPhones.isEmpty() && content.contact() != null && name != null
				? List.of(name, java.util.Objects.toString(content.contact().name(), "").strip()) : null;
		boolean repeat = rowPhones.stream().anyMatch(this.phones::contains)
				|| (contact != null && this.unreachable.contains(contact));
		this.phones.addAll(rowPhones);
		if (contact != null) {
			this.unreachable.add(contact);
		}
		if (repeat) {
			return stored(row, Verdict.DUPLICATE_IN_FILE, Map.of(), null, Set.of(), verdict.ownerId(), null);
		}
		if (first == null && name != null) {
			this.names.put(name, row.number());
		}
		return new Candidate(row, content, verdict.ownerId(), first);
	}

	private StoredRow probed(Candidate candidate) {
		StoredRow row = answered(candidate);
		if (candidate.firstRow() == null) {
			this.joinings.put(row.number(), joining(row));
		}
		return row;
	}

	/** How the further rows of a first row's customer are checked, as it went. */
	private Joining joining(StoredRow first) {
		if (first.verdict() == Verdict.NEW) {
			return Joining.CREATED;
		}
		if (first.verdict() != Verdict.DUPLICATE || first.existingCustomerId() == null) {
			return Joining.NOTHING;
		}
		if (first.problems().isEmpty()) {
			return new Joining(true, first.existingCustomerId(), null);
		}
		return first.problems().containsValue(CellProblem.MERGE_NEEDS_FULL_VIEW)
				? new Joining(false, null, CellProblem.MERGE_NEEDS_FULL_VIEW) : Joining.NOTHING;
	}

	private StoredRow answered(Candidate candidate) {
		ImportRow row = candidate.row();
		Long ownerId = candidate.ownerId();
		if (this.exhausted) {
			return stored(row, Verdict.UNCHECKED, Map.of(), null, Set.of(), ownerId, null);
		}
		List<String> rowPhones = candidate.content().phones();
		if (candidate.firstRow() != null) {
			Joining way = this.joinings.getOrDefault(candidate.firstRow(), Joining.NOTHING);
			if (!way.lookup()) {
				// its first row is refused or skipped, or found at a customer a merge
				// may not add to: it goes that way, nothing looked up
				return stored(row, Verdict.SAME_CUSTOMER, way.problem() == null ? Map.of() : mergeRefused(), null,
						Set.of(), ownerId, candidate.firstRow());
			}
			// its contacts whose phone a customer has already are left out at the
			// commit, and the importer sees which were added: every phone looked up
			// is shown (a file of one customer's rows, each with a guess at a masked
			// number, would otherwise find the one that is there past the reveal
			// quota)
			Lookups lookups = lookUp(row, rowPhones, 0, way.into(), ownerId);
			if (lookups.refusal() != null) {
				return lookups.refusal();
			}
			return stored(row, Verdict.SAME_CUSTOMER, Map.of(), null, lookups.matched(), ownerId, candidate.firstRow());
		}
		if (named(candidate)) {
			DuplicateProbe.Probe name = this.probe.companyName(candidate.content().customer().name());
			if (name.budgetExhausted()) {
				this.exhausted = true;
				return stored(row, Verdict.UNCHECKED, Map.of(), null, Set.of(), ownerId, null);
			}
			if (name.duplicate()) {
				// classified by its name: its phones matter only to a merge
				return found(row, name.visibleCustomerId(), rowPhones, 0, Set.of(), ownerId);
			}
		}
		for (int i = 0; i < rowPhones.size(); i++) {
			// shown: it decides the row's verdict
			DuplicateProbe.Probe answer = this.probe.phone(rowPhones.get(i));
			StoredRow refusal = refusal(row, answer, ownerId);
			if (refusal != null) {
				return refusal;
			}
			if (answer.duplicate()) {
				return found(row, answer.visibleCustomerId(), rowPhones, i + 1, Set.of(i), ownerId);
			}
		}
		return stored(row, Verdict.NEW, Map.of(), null, Set.of(), ownerId, null);
	}

	/**
	 * A row whose customer is found (null: one the importer may not see, which it names
	 * by nothing and never merges into): its phones from {@code from} on are compared and
	 * looked up only when a merge may add to that customer, which needs its contacts seen
	 * in full. Found at a customer seen masked, the row is a duplicate that merging may
	 * not add to, nothing more looked up.
	 */
	private StoredRow found(ImportRow row, Long customerId, List<String> rowPhones, int from, Set<Integer> matched,
			Long ownerId) {
		if (customerId == null) {
			return stored(row, Verdict.DUPLICATE, Map.of(), null, matched, ownerId, null);
		}
		if (!this.probe.seenInFull(customerId)) {
			// the problem at the column that found it: the name, or (from > 0) a phone
			return stored(row, Verdict.DUPLICATE, from > 0 ? mergeRefused(ImportField.PHONE) : mergeRefused(),
					customerId, matched, ownerId, null);
		}
		Lookups lookups = lookUp(row, rowPhones, from, customerId, ownerId);
		if (lookups.refusal() != null) {
			if (lookups.refusal().verdict() == Verdict.UNCHECKED && !lookups.refusal().problems().isEmpty()) {
				// the reveal quota is used up: still a duplicate by what was answered,
				// not merged (its phones were not all checked)
				return stored(row, Verdict.DUPLICATE, lookups.refusal().problems(), customerId, matched, ownerId, null);
			}
			return lookups.refusal();
		}
		if (lookups.hidden()) {
			return stored(row, Verdict.DUPLICATE, Map.of(), null, Set.of(), ownerId, null);
		}
		Set<Integer> all = new HashSet<>(matched);
		all.addAll(lookups.matched());
		return stored(row, Verdict.DUPLICATE, Map.of(), customerId, all, ownerId, null);
	}

	/**
	 * The phones' answers from {@code from} on: those the customer seen in full
	 * ({@code into}, or null) holds itself are matched without a lookup, the others
	 * looked up as shown.
	 *
	 * @param matched the row's phones (by index) some customer has
	 * @param hidden one of them is at a customer the importer may not see
	 * @param refusal the row refused as unchecked (budget or reveal quota used up)
	 */
	private record Lookups(Set<Integer> matched, boolean hidden, StoredRow refusal) {

	}

	private Lookups lookUp(ImportRow row, List<String> rowPhones, int from, Long into, Long ownerId) {
		Set<String> mine = into == null ? Set.of() : held(row, into, rowPhones);
		Set<Integer> matched = new HashSet<>();
		boolean hidden = false;
		for (int i = from; i < rowPhones.size(); i++) {
			if (mine.contains(rowPhones.get(i))) {
				matched.add(i);
				continue;
			}
			DuplicateProbe.Probe answer = this.probe.phone(rowPhones.get(i));
			StoredRow refusal = refusal(row, answer, ownerId);
			if (refusal != null) {
				return new Lookups(Set.of(), false, refusal);
			}
			if (answer.duplicate()) {
				matched.add(i);
				hidden |= answer.visibleCustomerId() == null;
			}
		}
		return new Lookups(matched, hidden, null);
	}

	/** The row refused as unchecked when the answer was refused; else null. */
	private StoredRow refusal(ImportRow row, DuplicateProbe.Probe answer, Long ownerId) {
		if (answer.budgetExhausted()) {
			this.exhausted = true;
			return stored(row, Verdict.UNCHECKED, Map.of(), null, Set.of(), ownerId, null);
		}
		if (answer.revealQuotaUsedUp()) {
			// its phones were not looked up: the importer's reveals of the day are used
			// up
			return stored(row, Verdict.UNCHECKED,
					Map.of(this.mapping.column(ImportField.PHONE).orElse(-1), CellProblem.REVEAL_QUOTA_USED_UP), null,
					Set.of(), ownerId, null);
		}
		return null;
	}

	/** The problem of a row found at a customer a merge may not add to. */
	private Map<Integer, CellProblem> mergeRefused() {
		return mergeRefused(ImportField.CUSTOMER_NAME);
	}

	private Map<Integer, CellProblem> mergeRefused(ImportField foundBy) {
		return Map.of(this.mapping.column(foundBy).orElse(-1), CellProblem.MERGE_NEEDS_FULL_VIEW);
	}

	private static StoredRow stored(ImportRow row, Verdict verdict, Map<Integer, CellProblem> problems, Long existing,
			Set<Integer> matched, Long ownerId, Long firstRow) {
		return new StoredRow(0, row.number(), verdict, problems, row.cells(), existing, matched, ownerId, null, null,
				firstRow);
	}

}
