package dev.holdfast.imports;

import dev.holdfast.shared.InvalidInputException;

/**
 * A file the readers will not read: too large, too many rows, columns or characters in a
 * cell, a compressed file that inflates beyond reason, or not the format it claims. The
 * one exception a reader throws for its input; it answers 400 at the field {@code file}.
 */
public class ImportRefusedException extends InvalidInputException {

	public ImportRefusedException(String message) {
		super("file", message);
	}

}
