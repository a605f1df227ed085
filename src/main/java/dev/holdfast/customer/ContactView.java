package dev.holdfast.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A contact person at a customer, as the caller may see it: phone, e-mail, WeChat and
 * address masked or left out according to {@code policies}.
 *
 * @param policies the caller's policy for each sensitive field ({@code phone},
 * {@code email}, {@code wechat}, {@code address}): a MASKED value can be revealed
 */
public record ContactView(long id, long customerId, String name, String title, String phone, String email,
		String wechat, String address, Gender gender, LocalDate birthday, String notes, long version, Instant createdAt,
		Instant updatedAt, Map<String, FieldPolicy> policies) {
}
