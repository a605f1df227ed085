package dev.holdfast.imports.preview;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.imports.ColumnMapping;
import dev.holdfast.imports.ImportHeader;
import dev.holdfast.imports.ImportRow;
import dev.holdfast.imports.ImportTable;
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
	 * Reads every row of the table through the classifier and stores them; the import's
	 * id.
	 */
	long store(ImportTable table, String fileName, ColumnMapping mapping, FileClassifier classifier) {
		ImportHeader header = table.header();
		long id = this.files.insert(CurrentEmployee.id(), fileName, table.format(), header, mapping, this.clock.now());
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
		ImportFiles.Counts total = new ImportFiles.Counts(counts.values().stream().mapToLong(Long::longValue).sum(),
				counts.getOrDefault(Verdict.NEW, 0L), counts.getOrDefault(Verdict.DUPLICATE, 0L),
				counts.getOrDefault(Verdict.DUPLICATE_IN_FILE, 0L),
				counts.getOrDefault(Verdict.INVALID, 0L) + counts.getOrDefault(Verdict.UNCHECKED, 0L));
		this.files.counted(id, total);
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("format", table.format().name());
		facts.put("rows", total.rows());
		facts.put("new", total.fresh());
		facts.put("duplicates", total.duplicates());
		facts.put("duplicatesInFile", total.duplicatesInFile());
		facts.put("sameCustomer", counts.getOrDefault(Verdict.SAME_CUSTOMER, 0L));
		facts.put("invalid", counts.getOrDefault(Verdict.INVALID, 0L));
		facts.put("unchecked", counts.getOrDefault(Verdict.UNCHECKED, 0L));
		this.audit.record(AuditAction.IMPORT_PREVIEWED, "import", id, facts);
		return id;
	}

	private void add(long id, List<StoredRow> rows, Map<Verdict, Long> counts) {
		rows.forEach(row -> counts.merge(row.verdict(), 1L, Long::sum));
		this.rows.insertAll(id, rows);
	}

}
