package dev.holdfast.customer.masking;

/**
 * A revealed value (null when the field is empty) and how many reveals the caller has
 * left today.
 */
public record Revealed(String value, int remaining) {
}
