package dev.holdfast.protection.export;

/**
 * The made-up customer and contact of one canary: the values that tell it from every
 * other row, kept in {@code export_canary} (or {@code personal_canary}) and nowhere else.
 */
record ExportCanary(String customerName, String contactName, String phone, String email, String wechat) {
}
