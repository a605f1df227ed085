package dev.holdfast.followup;

import java.time.Instant;
import java.util.List;

import dev.holdfast.customer.CustomerLevel;

/**
 * A follow-up template with its fields in form order.
 *
 * @param version increases with every change of the template; a follow-up keeps the
 * version it was entered with
 */
public record FollowUpTemplateView(long id, String name, FollowUpKind kind, CustomerLevel level,
		List<TemplateField> fields, int version, Instant updatedAt, Instant archivedAt) {

	boolean archived() {
		return this.archivedAt != null;
	}

}
