package dev.holdfast.imports.reading;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.holdfast.imports.ImportFormat;
import dev.holdfast.imports.ImportHeader;
import dev.holdfast.imports.ImportLimits;
import dev.holdfast.imports.ImportRefusedException;
import dev.holdfast.imports.ImportTable;

/**
 * Reads a CSV file as it streams in: charset by {@link TextCharsets}, separator (comma,
 * semicolon or tab) by the first line, the header the first row that is not blank. Row
 * numbers are the file's lines as long as no cell spans lines.
 */
public final class CsvReader {

	private CsvReader() {
	}

	public static ImportTable open(InputStream input, ImportLimits limits) {
		try {
			BufferedInputStream in = new BufferedInputStream(input, 64 * 1024);
			Charset charset = TextCharsets.detect(in);
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
			char separator = Separators.detect(reader);
			CSVParser parser = CSVFormat.DEFAULT.builder()
				.setDelimiter(separator)
				.setIgnoreEmptyLines(false)
				.setLenientEof(true)
				.setTrailingData(true)
				.get()
				.parse(reader);
			CsvRows rows = new CsvRows(parser, limits);
			RawRow first = rows.next();
			while (first != null && first.blank()) {
				first = rows.next();
			}
			if (first == null) {
				rows.close();
				throw new ImportRefusedException("has no header row");
			}
			return new Table(ImportFormat.CSV, new ImportHeader(first.number(), first.cells()), rows, limits);
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw new ImportRefusedException("is not a readable CSV file");
		}
	}

	private static final class CsvRows implements RawRows {

		private final CSVParser parser;

		private final Iterator<CSVRecord> records;

		private final ImportLimits limits;

		CsvRows(CSVParser parser, ImportLimits limits) {
			this.parser = parser;
			this.records = parser.iterator();
			this.limits = limits;
		}

		@Override
		public RawRow next() {
			try {
				if (!this.records.hasNext()) {
					return null;
				}
				CSVRecord record = this.records.next();
				List<String> cells = new ArrayList<>(Math.min(record.size(), this.limits.maxColumns() + 1));
				for (int i = 0; i < record.size() && i <= this.limits.maxColumns() + 1; i++) {
					cells.add(record.get(i));
				}
				if (record.size() > cells.size()) {
					throw new ImportRefusedException("row " + record.getRecordNumber() + " has more than "
							+ this.limits.maxColumns() + " columns");
				}
				return new RawRow(record.getRecordNumber(),
						Cells.checked(record.getRecordNumber(), cells, this.limits));
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				throw new ImportRefusedException("is not valid CSV after row " + this.parser.getRecordNumber());
			}
		}

		@Override
		public void close() {
			try {
				this.parser.close();
			}
			catch (IOException ex) {
				// only read: nothing to lose
			}
		}

	}

}
