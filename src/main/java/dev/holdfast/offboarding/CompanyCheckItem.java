package dev.holdfast.offboarding;

import java.time.Instant;

/**
 * An item of the company's own departure checklist, as administrators define it: what is
 * to be done (devices returned, keys, an exit interview …), the role whose holders tick
 * it, and whether a case can close without it. Retired items stay with the cases that had
 * them.
 *
 * @param responsibleRole the code of a role, e.g. {@code HR}
 * @param responsibleRoleName the role's name as stored (built-in roles have a label)
 */
public record CompanyCheckItem(long id, String title, String responsibleRole, String responsibleRoleName,
		boolean required, int position, Instant createdAt, Instant retiredAt) {

	public boolean retired() {
		return this.retiredAt != null;
	}

}
