package dev.holdfast.protection;

/**
 * A synthetic customer with one contact, made for one export only.
 */
record ExportCanary(String customerName, String contactName, String title, String industry, String region, String phone,
		String email, String wechat) {
}
