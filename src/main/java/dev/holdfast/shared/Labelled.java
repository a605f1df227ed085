package dev.holdfast.shared;

/**
 * An enum whose constants name their own message key, because people know them by a code
 * rather than by the constant's name (a permission's {@code customer.edit}).
 */
public interface Labelled {

	String labelKey();

}
