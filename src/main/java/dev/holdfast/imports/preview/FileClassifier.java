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
 * an earlier row (same normalised company name or phone), else checked against the
 * company through {@link DuplicateProbe}. Once the importer's budget of duplicate checks
 * is used up, no further row is looked up: each is refused as unchecked.
 */
final class FileClassifier {

	private final ColumnMapping mapping;

	private final RowValidation.Checker checker;

	private final DuplicateProbe.Batch probe;

	private final AssignableOwners.Check owners;

	private final Set<String> names = new HashSet<>();

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
				if (candidate.content().customer().kind() == CustomerKind.COMPANY) {
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
			classified
				.add(first instanceof Candidate c ? probed(c.row(), c.content(), c.ownerId()) : (StoredRow) first);
		}
		return classified;
	}

	/** A row that must be checked against the company. */
	private record Candidate(ImportRow row, RowContent content, Long ownerId) {

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
		if (!problems.isEmpty()) {
			return stored(row, Verdict.INVALID, problems, null, Set.of(), verdict.ownerId());
		}
		RowContent content = RowContent.of(this.mapping, row);
		String name = content.customer().kind() == CustomerKind.COMPANY ? verdict.customerKey() : null;
		List<String> rowPhones = content.phones();
		boolean repeat = (name != null && this.names.contains(name))
				|| rowPhones.stream().anyMatch(this.phones::contains);
		if (name != null) {
			this.names.add(name);
		}
		this.phones.addAll(rowPhones);
		if (repeat) {
			return stored(row, Verdict.DUPLICATE_IN_FILE, Map.of(), null, Set.of(), verdict.ownerId());
		}
		return new Candidate(row, content, verdict.ownerId());
	}

	private StoredRow probed(ImportRow row, RowContent content, Long ownerId) {
		if (this.exhausted) {
			return stored(row, Verdict.UNCHECKED, Map.of(), null, Set.of(), ownerId);
		}
		List<DuplicateProbe.Probe> answers = new ArrayList<>();
		if (content.customer().kind() == CustomerKind.COMPANY) {
			answers.add(this.probe.companyName(content.customer().name()));
		}
		Set<Integer> matched = new HashSet<>();
		List<String> rowPhones = content.phones();
		for (int i = 0; i < rowPhones.size() && !hidden(answers) && !exhausted(answers); i++) {
			DuplicateProbe.Probe answer = this.probe.phone(rowPhones.get(i));
			answers.add(answer);
			if (answer.duplicate()) {
				matched.add(i);
			}
		}
		if (exhausted(answers)) {
			this.exhausted = true;
			return stored(row, Verdict.UNCHECKED, Map.of(), null, Set.of(), ownerId);
		}
		if (answers.stream().noneMatch(DuplicateProbe.Probe::duplicate)) {
			return stored(row, Verdict.NEW, Map.of(), null, Set.of(), ownerId);
		}
		Long existing = hidden(answers) ? null
				: answers.stream().filter(DuplicateProbe.Probe::duplicate).findFirst().get().visibleCustomerId();
		return stored(row, Verdict.DUPLICATE, Map.of(), existing, matched, ownerId);
	}

	private static boolean hidden(List<DuplicateProbe.Probe> answers) {
		return answers.stream().anyMatch(a -> a.duplicate() && a.visibleCustomerId() == null);
	}

	private static boolean exhausted(List<DuplicateProbe.Probe> answers) {
		return answers.stream().anyMatch(DuplicateProbe.Probe::budgetExhausted);
	}

	private static StoredRow stored(ImportRow row, Verdict verdict, Map<Integer, CellProblem> problems, Long existing,
			Set<Integer> matched, Long ownerId) {
		return new StoredRow(0, row.number(), verdict, problems, row.cells(), existing, matched, ownerId, null, null);
	}

}
