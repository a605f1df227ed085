package dev.holdfast.customer.masking;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.FieldPolicy;
import dev.holdfast.customer.masking.RevealForm.SensitiveField;
import dev.holdfast.shared.CurrentEmployee;

/**
 * The caller's policy for each sensitive field of a customer's contacts, from the
 * {@code role_field_policy} of their roles. A role without a row for a field masks it:
 * new roles start masked, never full.
 */
@Component
class FieldPolicies {

	private final JdbcClient jdbc;

	FieldPolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<SensitiveField, FieldPolicy> forCustomer(long customerId) {
		long me = CurrentEmployee.id();
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select er.role_id, p.field, p.policy,
				       exists (select 1 from customer_member m
				               where m.customer_id = :customer and m.employee_id = :me and m.removed_at is null
				                 and (m.expires_at is null or m.expires_at > now()))
				       -- a customer in the public pool shows contacts masked to everyone, members too
				       and exists (select 1 from customer c where c.id = :customer and c.owner_id is not null) as member
				from role_assignment er
				left join role_field_policy p on p.role_id = er.role_id
				where er.employee_id = :me""").param("me", me).param("customer", customerId).query().listOfRows();
		// no role at all: nothing shown
		Map<SensitiveField, FieldPolicy> policies = all(FieldPolicy.HIDDEN);
		Map<Long, Map<SensitiveField, FieldPolicy>> byRole = new HashMap<>();
		for (Map<String, Object> row : rows) {
			Map<SensitiveField, FieldPolicy> role = byRole.computeIfAbsent(((Number) row.get("role_id")).longValue(),
					id -> all(FieldPolicy.MASKED));
			SensitiveField field = known((String) row.get("field"));
			if (field != null) {
				role.put(field,
						effective(FieldPolicy.valueOf((String) row.get("policy")), (Boolean) row.get("member")));
			}
		}
		byRole.values()
			.forEach(role -> role.forEach((field, policy) -> policies.merge(field, policy, FieldPolicies::wider)));
		return policies;
	}

	/** A field contacts have; the policy table may name others. */
	private static SensitiveField known(String field) {
		for (SensitiveField known : SensitiveField.values()) {
			if (known.name().equals(field)) {
				return known;
			}
		}
		return null;
	}

	private static Map<SensitiveField, FieldPolicy> all(FieldPolicy policy) {
		Map<SensitiveField, FieldPolicy> policies = new EnumMap<>(SensitiveField.class);
		for (SensitiveField field : SensitiveField.values()) {
			policies.put(field, policy);
		}
		return policies;
	}

	private static FieldPolicy effective(FieldPolicy policy, boolean member) {
		return (policy == FieldPolicy.FULL && !member) ? FieldPolicy.MASKED : policy;
	}

	private static FieldPolicy wider(FieldPolicy a, FieldPolicy b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
