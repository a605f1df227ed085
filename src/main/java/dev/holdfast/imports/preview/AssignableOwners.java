package dev.holdfast.imports.preview;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.OwnerCandidates;

/**
 * Whom the importer may give imported customers to, as the customer module decides
 * ({@link OwnerCandidates}), remembered for one file or one commit.
 */
@Component
public class AssignableOwners {

	private final OwnerCandidates candidates;

	AssignableOwners(OwnerCandidates candidates) {
		this.candidates = candidates;
	}

	/** The check for one file or one commit: it remembers its answers. */
	public Check check() {
		return new Check();
	}

	/** Answers for the caller. */
	public final class Check {

		private final Map<Long, Boolean> known = new HashMap<>();

		public boolean allows(long employeeId) {
			return this.known.computeIfAbsent(employeeId,
					id -> AssignableOwners.this.candidates.refused(List.of(id)).isEmpty());
		}

	}

}
