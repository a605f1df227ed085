package dev.holdfast.organization;

import tools.jackson.databind.JsonNode;

/**
 * An act on someone's access that may wait for a second administrator's approval (see
 * {@link Approvals}). Implemented by the module that does the act; run on approval in the
 * approver's transaction, as the approver.
 */
public interface ApprovableAction {

	/** The name stored with a request, e.g. {@code SECOND_FACTOR_RESET}. */
	String name();

	/**
	 * Does the act approved in a request. Throws (and so leaves the request pending) if
	 * it can no longer be done, e.g. because the employee changed meanwhile.
	 * @return the employee the act was about (for a new employee, the one created)
	 */
	long perform(Long employeeId, JsonNode payload);

	/** An action of that name, done by the function. */
	static ApprovableAction of(String name, java.util.function.BiFunction<Long, JsonNode, Long> perform) {
		return new ApprovableAction() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public long perform(Long employeeId, JsonNode payload) {
				return perform.apply(employeeId, payload);
			}

		};
	}

}
