package dev.holdfast.imports;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * A file being read, one row at a time: never held whole. Blank rows are left out, total
 * rows reported in {@link #skipped()}.
 */
public interface ImportTable extends Closeable {

	ImportFormat format();

	ImportHeader header();

	/**
	 * The next data row, or empty at the end of the file.
	 * @throws ImportRefusedException when the file passes a limit or is not readable
	 */
	Optional<ImportRow> next();

	/** The rows read so far that are not data. */
	List<SkippedRow> skipped();

	/** Closing never fails: the file was only read. */
	@Override
	void close();

}
