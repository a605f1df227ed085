package dev.holdfast.customer;

/**
 * The made-up company and contact of a personal canary: realistic in form, with a phone
 * and e-mail from the ranges the company controls.
 */
public record CanaryCustomer(String name, String industry, String region, String address, String contactName,
		String title, String phone, String email, String wechat) {
}
