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
 * looked up: a row with one is refused as unchecked, its phone column saying why; so is
 * another row of an earlier row's customer, whose phones decide which contacts it adds.
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

	private boolean exhausted;

	FileClassifier(ColumnMapping mapping, RowValidation.Checker checker, DuplicateProbe.Batch probe,
			AssignableOwners.Check owners) {
		this.mapping = mapping;
		this.checker = checker;
		this.probe = probe;
		this.owners = owners;
	}

	/**
	 * Classifies rows in order, the duplicate lookups of those that need one made at once
	 * (the budget and the refusals still taken row by row, in order).
	 */
	List<StoredRow> classifyAll(List<ImportRow> rows) {
		List<Object> firsts = new ArrayList<>(rows.size());
		List<String> names = new ArrayList<>();
		List<String> phones = new ArrayList<>();
		for (ImportRow row : rows) {
			Object first = first(row);
			firsts.add(first);
			if (first instanceof Candidate candidate) {
				if (candidate.firstRow() == null && candidate.content().customer().kind() == CustomerKind.COMPANY) {
					names.add(candidate.content().customer().name());
				}
				phones.addAll(candidate.content().phones());
			}
		}
		if (!this.exhausted && !(names.isEmpty() && phones.isEmpty())) {
			this.probe.prefetch(names, phones);
		}
		List<StoredRow> classified = new ArrayList<>(rows.size());
		for (Object first : firsts) {
			classified.add(first instanceof Candidate c ? probed(c) : (StoredRow) first);
		}
		return classified;
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
			if (name != null) {
				this.names.putIfAbsent(name, row.number());
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
		ImportRow row = candidate.row();
		RowContent content = candidate.content();
		Long ownerId = candidate.ownerId();
		if (this.exhausted) {
			return stored(row, Verdict.UNCHECKED, Map.of(), null, Set.of(), ownerId, null);
		}
		List<DuplicateProbe.Probe> answers = new ArrayList<>();
		boolean joining = candidate.firstRow() != null;
		if (!joining && content.customer().kind() == CustomerKind.COMPANY) {
			answers.add(this.probe.companyName(content.customer().name()));
		}
		Set<Integer> matched = new HashSet<>();
		List<String> rowPhones = content.phones();
		for (int i = 0; i < rowPhones.size() && (joining || !hidden(answers)) && !exhausted(answers)
				&& !revealsUsedUp(answers); i++) {
			// shown while it can decide the verdict (not once the row's name or an
			// earlier phone found a customer), and always for another row of an
			// earlier row's customer: its answer decides which of the row's contacts
			// the commit writes, which the importer sees afterwards (a file of one
			// customer's rows, each with a guess at a masked number, would otherwise
			// find the one that is there past the reveal quota)
			boolean shown = joining || answers.stream().noneMatch(DuplicateProbe.Probe::duplicate);
			DuplicateProbe.Probe answer = this.probe.phone(rowPhones.get(i), shown);
			answers.add(answer);
			if (answer.duplicate()) {
				matched.add(i);
			}
		}
		if (exhausted(answers)) {
			this.exhausted = true;
			return stored(row, Verdict.UNCHECKED, Map.of(), null, Set.of(), ownerId, null);
		}
		if (revealsUsedUp(answers)) {
			// its phones were not looked up: the importer's reveals of the day are used
			// up
			return stored(row, Verdict.UNCHECKED,
					Map.of(this.mapping.column(ImportField.PHONE).orElse(-1), CellProblem.REVEAL_QUOTA_USED_UP), null,
					Set.of(), ownerId, null);
		}
		if (joining) {
			// its contacts whose phone a customer has already are left out at the commit
			return stored(row, Verdict.SAME_CUSTOMER, Map.of(), null, matched, ownerId, candidate.firstRow());
		}
		if (answers.stream().noneMatch(DuplicateProbe.Probe::duplicate)) {
			return stored(row, Verdict.NEW, Map.of(), null, Set.of(), ownerId, null);
		}
		Long existing = hidden(answers) ? null
				: answers.stream().filter(DuplicateProbe.Probe::duplicate).findFirst().get().visibleCustomerId();
		return stored(row, Verdict.DUPLICATE, Map.of(), existing, matched, ownerId, null);
	}

	private static boolean hidden(List<DuplicateProbe.Probe> answers) {
		return answers.stream().anyMatch(a -> a.duplicate() && a.visibleCustomerId() == null);
	}

	private static boolean revealsUsedUp(List<DuplicateProbe.Probe> answers) {
		return answers.stream().anyMatch(DuplicateProbe.Probe::revealQuotaUsedUp);
	}

	private static boolean exhausted(List<DuplicateProbe.Probe> answers) {
		return answers.stream().anyMatch(DuplicateProbe.Probe::budgetExhausted);
	}

	private static StoredRow stored(ImportRow row, Verdict verdict, Map<Integer, CellProblem> problems, Long existing,
			Set<Integer> matched, Long ownerId, Long firstRow) {
		return new StoredRow(0, row.number(), verdict, problems, row.cells(), existing, matched, ownerId, null, null,
				firstRow);
	}

}
