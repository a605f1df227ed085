package dev.holdfast.customer;

/**
 * The made-up company and contact of a personal canary: realistic in form, described like
 * the salesperson's own customers (kind, level, status, industry, region), with a phone
 * and e-mail from the ranges the company controls.
 */
public record CanaryCustomer(String name, CustomerKind kind, CustomerLevel level, CustomerStatus status,
		String industry, String region, String address, String contactName, String title, String phone, String email,
		String wechat) {
}
