package dev.holdfast.offboarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.holdfast.customer.Portfolios.Membership;

/**
 * An offboarding case with everything its page shows: the restrictions in force, the
 * handover checklist and how complete it is, the company's own checklist, key customers
 * still without a note, and the team memberships the leaver holds.
 *
 * @param completeness percent of checklist steps complete
 * @param notesCompleteness percent of customers with a handover note
 * @param companyChecklist the company's own departure checklist, with who ticked each
 * item
 * @param closedAt when the case was closed after the departure, or null
 */
public record CaseDetails(long id, long employeeId, String employeeName, long managerId, String managerName,
		CaseStatus status, LocalDate noticeDate, LocalDate lastWorkingDay, String reason, Instant createdAt,
		Instant handoverStartedAt, Instant handoverFinishedAt, Instant departedAt, String terminationReason,
		List<String> restrictions, long customers, long handedOver, List<ChecklistItem> checklist, int completeness,
		int notesCompleteness, List<Map<String, Object>> keyCustomersWithoutNote, List<Membership> memberships,
		long openNextContacts, boolean mayManage, List<CompanyCheck> companyChecklist, Instant closedAt) {
}
