package dev.holdfast.protection.tracing;

import java.time.Instant;
import java.util.List;

/**
 * Where a suspect file came from: the exports whose canaries or contents it holds, most
 * likely first, and their requesters.
 *
 * @param values how many distinct values the file held
 * @param personalCanaries personal canaries found in the file: each names the one
 * salesperson who could see it
 */
public record LeakTraceReport(int values, List<Source> exports, List<Employee> employees,
		List<PersonalCanaryFound> personalCanaries) {

	/** A personal canary found in the file, and the salesperson it was made for. */
	public record PersonalCanaryFound(long canaryId, long employeeId, String employeeName, long customerId,
			String value) {
	}

	/**
	 * One export the file matches.
	 *
	 * @param canaries the canaries of this export found in the file (synthetic values)
	 * @param valuesMatched values of the file that this export also held
	 * @param confidence from 0 to 1: near 1 with a canary, else the share of the file's
	 * values that match
	 */
	public record Source(long exportId, long requesterId, String requesterName, Instant exportedAt,
			List<String> canaries, int valuesMatched, double confidence) {
	}

	/** An employee whose exports the file matches. */
	public record Employee(long id, String name, List<Long> exportIds, double confidence) {
	}

}
