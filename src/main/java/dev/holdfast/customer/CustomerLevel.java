package dev.holdfast.customer;

/**
 * A customer's value to the company, A the highest.
 */
public enum CustomerLevel {

	A, B, C, D

}
