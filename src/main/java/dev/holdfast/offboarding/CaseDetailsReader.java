package dev.holdfast.offboarding;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.Portfolios;
import dev.holdfast.followup.NextContacts;
import dev.holdfast.organization.NoticePeriodPolicy;
import dev.holdfast.organization.OrganizationManagement;

/**
 * Puts a case's page together: names, restrictions in force, the handover checklist and
 * completeness, and the company's own checklist beside it.
 */
@Component
class CaseDetailsReader {

	private final PlanRows rows;

	private final Portfolios portfolios;

	private final NextContacts nextContacts;

	private final HandoverVisits care;

	private final OrganizationManagement organization;

	private final NoticePeriodPolicy policy;

	private final CompanyChecklist companyChecklist;

	CaseDetailsReader(PlanRows rows, Portfolios portfolios, NextContacts nextContacts, HandoverVisits care,
			OrganizationManagement organization, NoticePeriodPolicy policy, CompanyChecklist companyChecklist) {
		this.companyChecklist = companyChecklist;
		this.rows = rows;
		this.portfolios = portfolios;
		this.nextContacts = nextContacts;
		this.care = care;
		this.organization = organization;
		this.policy = policy;
	}

	CaseDetails of(OffboardingCase c, boolean mayManage) {
		return build(c, mayManage, true);
	}

	/** The case without the lists, for the list of cases. */
	CaseDetails summary(OffboardingCase c) {
		return build(c, true, false);
	}

	private CaseDetails build(OffboardingCase c, boolean mayManage, boolean withLists) {
		Map<Long, String> names = this.organization.displayNames(List.of(c.employeeId(), c.managerId()));
		Map<String, Object> counts = this.rows.counts(c.id());
		long customers = number(counts, "customers");
		long keyCustomers = number(counts, "key_customers");
		long notes = number(counts, "notes");
		long done = number(counts, "done");
		// customers someone else had taken over meanwhile get no care visit from this
		// case
		long careTotal = done == customers ? number(counts, "key_reassigned") : keyCustomers;
		List<ChecklistItem> checklist = List.of(new ChecklistItem("RESIGNATION_RECORDED", 1, 1),
				new ChecklistItem("PLAN_COMPLETE", customers - number(counts, "inactive_owner"), customers),
				new ChecklistItem("KEY_CUSTOMER_NOTES", number(counts, "key_notes"), keyCustomers),
				new ChecklistItem("ALL_NOTES", notes, customers),
				new ChecklistItem("HANDOVER_EXECUTED", done, customers),
				new ChecklistItem("CARE_VISITS", Math.min(this.care.scheduledFor(c.source()), keyCustomers), careTotal),
				new ChecklistItem("ACCESS_ENDED", c.open() ? 0 : 1, 1));
		int completeness = (int) (100 * checklist.stream().filter(ChecklistItem::complete).count() / checklist.size());
		return new CaseDetails(c.id(), c.employeeId(), names.get(c.employeeId()), c.managerId(),
				names.get(c.managerId()), c.status(), c.noticeDate(), c.lastWorkingDay(), c.reason(), c.createdAt(),
				c.handoverStartedAt(), c.handoverFinishedAt(), c.departedAt(), c.terminationReason(),
				c.open() ? List.copyOf(this.policy.duringNotice()) : List.of(), customers, done, checklist,
				completeness, customers == 0 ? 100 : (int) (100 * notes / customers),
				withLists ? this.rows.keyCustomersWithoutNote(c.id(), 100) : List.of(),
				withLists ? this.portfolios.membershipsOf(c.employeeId()) : List.of(),
				withLists ? this.nextContacts.countBy(c.employeeId()) : 0, mayManage,
				withLists ? this.companyChecklist.of(c) : List.of(), c.closedAt());
	}

	private static long number(Map<String, Object> counts, String key) {
		return ((Number) counts.get(key)).longValue();
	}

}
