package dev.holdfast.imports.reading;

/**
 * The rows of one file in order, read lazily.
 */
interface RawRows extends AutoCloseable {

	/** The next row, or null at the end. */
	RawRow next();

	@Override
	void close();

}
