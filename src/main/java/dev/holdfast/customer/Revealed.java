package dev.holdfast.customer;

/**
 * A revealed value (null when the field is empty) and how many reveals the caller has
 * left today.
 */
record Revealed(String value, int remaining) {
}
