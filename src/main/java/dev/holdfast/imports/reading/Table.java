package dev.holdfast.imports.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.holdfast.imports.ImportFormat;
import dev.holdfast.imports.ImportHeader;
import dev.holdfast.imports.ImportLimits;
import dev.holdfast.imports.ImportRefusedException;
import dev.holdfast.imports.ImportRow;
import dev.holdfast.imports.ImportTable;
import dev.holdfast.imports.SkippedRow;

/**
 * The one way every reader's rows become data: blank rows left out, total rows reported
 * as skipped, cells fitted to the header's width, and the row limit enforced.
 */
final class Table implements ImportTable {

	private final ImportFormat format;

	private final ImportHeader header;

	private final RawRows rows;

	private final ImportLimits limits;

	private final List<SkippedRow> skipped = new ArrayList<>();

	private long read;

	Table(ImportFormat format, ImportHeader header, RawRows rows, ImportLimits limits) {
		this.format = format;
		this.header = header;
		this.rows = rows;
		this.limits = limits;
	}

	@Override
	public ImportFormat format() {
		return this.format;
	}

	@Override
	public ImportHeader header() {
		return this.header;
	}

	@Override
	public Optional<ImportRow> next() {
		for (RawRow row = this.rows.next(); row != null; row = this.rows.next()) {
			if (row.blank()) {
				continue;
			}
			if (TotalRows.isTotal(row.cells())) {
				this.skipped.add(new SkippedRow(row.number(), SkippedRow.Reason.TOTAL));
				continue;
			}
			if (++this.read > this.limits.maxRows()) {
				throw new ImportRefusedException("has more than " + this.limits.maxRows() + " rows");
			}
			return Optional.of(new ImportRow(row.number(), fitted(row.cells())));
		}
		return Optional.empty();
	}

	private List<String> fitted(List<String> cells) {
		List<String> fitted = new ArrayList<>(this.header.size());
		for (int i = 0; i < Math.max(this.header.size(), cells.size()); i++) {
			fitted.add(i < cells.size() ? cells.get(i).strip() : "");
		}
		return fitted;
	}

	@Override
	public List<SkippedRow> skipped() {
		return List.copyOf(this.skipped);
	}

	@Override
	public void close() {
		this.rows.close();
	}

}
