package dev.holdfast.customer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A contact person at a customer.
 */
public record ContactView(long id, long customerId, String name, String title, String phone, String email,
		String wechat, Gender gender, LocalDate birthday, String notes, long version, Instant createdAt,
		Instant updatedAt) {
}
