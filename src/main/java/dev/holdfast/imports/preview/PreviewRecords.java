package dev.holdfast.imports.preview;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.imports.ColumnMapping;
import dev.holdfast.imports.ImportFormat;
import dev.holdfast.imports.ImportHeader;
import dev.holdfast.imports.ImportRow;
import dev.holdfast.imports.ImportTable;
import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.RowVerdict.Verdict;
import dev.holdfast.imports.store.ImportFiles;
import dev.holdfast.imports.store.ImportRows;
import dev.holdfast.imports.store.StoredRow;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.HoldfastClock;

/**
 * Stores a preview as it is read: the import, then its rows in batches, then the counts
 * and the audit event (last, so that the duplicate refusals audited on the way, each in
 * its own transaction, never wait for this one's place in the audit chain).
 */
@Component
class PreviewRecords {

	private static final int BATCH = 500;

	private final ImportFiles files;

	private final ImportRows rows;

	private final AuditTrail audit;

	private final HoldfastClock clock;

	PreviewRecords(ImportFiles files, ImportRows rows, AuditTrail audit, HoldfastClock clock) {
		this.files = files;
		this.rows = rows;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Reads every row of the table through the classifier (made for the new import's id)
	 * and stores them; the import's id.
	 */
	long store(ImportTable table, String fileName, ColumnMapping mapping, LongFunction<FileClassifier> classifiers) {
		ImportHeader header = table.header();
		long id = this.files.insert(CurrentEmployee.id(), fileName, table.format(), header, mapping, this.clock.now());
		FileClassifier classifier = classifiers.apply(id);
		Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
		List<ImportRow> batch = new ArrayList<>(BATCH);
		for (var row = table.next(); row.isPresent(); row = table.next()) {
			batch.add(row.get());
			if (batch.size() == BATCH) {
				add(id, classifier.classifyAll(batch), counts);
				batch.clear();
			}
		}
		add(id, classifier.classifyAll(batch), counts);
		counted(id, table.format(), counts, null);
		return id;
	}

	/**
	 * Classifies the stored rows of a previewed import again through another mapping, a
	 * page at a time in file order, and stores their new verdicts, the mapping and the
	 * counts: a new preview without the file. The caller holds the import's lock.
	 * @param why the fact its audit event carries: {@code remapped} (a corrected mapping)
	 * or {@code rechecked} (the same mapping, after a larger allowance)
	 */
	void reclassify(ImportView view, ColumnMapping mapping, FileClassifier classifier, String why) {
		Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
		long after = 0;
		for (List<StoredRow> page = this.rows.after(view.id(), after, BATCH); !page.isEmpty(); page = this.rows
			.after(view.id(), after, BATCH)) {
			List<StoredRow> classified = classifier
				.classifyAll(page.stream().map(row -> new ImportRow(row.number(), row.cells())).toList());
			List<StoredRow> again = new ArrayList<>(page.size());
			for (int i = 0; i < page.size(); i++) {
				again.add(classified.get(i).withId(page.get(i).id()));
				counts.merge(classified.get(i).verdict(), 1L, Long::sum);
			}
			this.rows.reclassified(again);
			after = page.get(page.size() - 1).id();
		}
		this.files.remapped(view.id(), mapping);
		counted(view.id(), view.format(), counts, why);
	}

	private void counted(long id, ImportFormat format, Map<Verdict, Long> counts, String again) {
		ImportFiles.Counts total = new ImportFiles.Counts(counts.values().stream().mapToLong(Long::longValue).sum(),
				counts.getOrDefault(Verdict.NEW, 0L), counts.getOrDefault(Verdict.DUPLICATE, 0L),
				counts.getOrDefault(Verdict.DUPLICATE_IN_FILE, 0L),
				counts.getOrDefault(Verdict.INVALID, 0L) + counts.getOrDefault(Verdict.UNCHECKED, 0L));
		this.files.counted(id, total);
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("format", format.name());
		facts.put("rows", total.rows());
		facts.put("new", total.fresh());
		facts.put("duplicates", total.duplicates());
		facts.put("duplicatesInFile", total.duplicatesInFile());
		facts.put("sameCustomer", counts.getOrDefault(Verdict.SAME_CUSTOMER, 0L));
		facts.put("invalid", counts.getOrDefault(Verdict.INVALID, 0L));
		facts.put("unchecked", counts.getOrDefault(Verdict.UNCHECKED, 0L));
		if (again != null) {
			// a new preview of the stored rows: through a corrected mapping, or rechecked
			facts.put(again, true);
		}
		this.audit.record(AuditAction.IMPORT_PREVIEWED, "import", id, facts);
	}

	private void add(long id, List<StoredRow> rows, Map<Verdict, Long> counts) {
		rows.forEach(row -> counts.merge(row.verdict(), 1L, Long::sum));
		this.rows.insertAll(id, rows);
	}

}
