package dev.holdfast.offboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.OwnerChangeKind;
import dev.holdfast.customer.Portfolios;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.audit.AuditAction;

/**
 * Carries out a handover plan (manager, HR or administrator): checks it, runs
 * {@link HandoverExecution}, and closes the step when nothing is left.
 */
@Service
public class Handovers {

	private final CaseAccess access;

	private final Cases cases;

	private final PlanRows rows;

	private final HandoverPlan plan;

	private final HandoverExecution execution;

	private final Portfolios portfolios;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	Handovers(CaseAccess access, Cases cases, PlanRows rows, HandoverPlan plan, HandoverExecution execution,
			Portfolios portfolios, AuditTrail audit, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.events = events;
		this.access = access;
		this.cases = cases;
		this.rows = rows;
		this.plan = plan;
		this.execution = execution;
		this.portfolios = portfolios;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Hands every customer of the plan over, unless key (A/B) customers still lack a
	 * note: see {@link #handover(long, boolean)}.
	 */
	public HandoverResult handover(long caseId) {
		return handover(caseId, false);
	}

	/**
	 * Hands every customer of the plan over. Not one transaction: chunks commit one by
	 * one, and calling it again after a crash finishes the job. While key (A/B) customers
	 * still to be handed over lack a note, it is refused (409
	 * {@code handover_notes_missing}, naming them) unless the caller accepts that; the
	 * acceptance is in the audit trail.
	 */
	public HandoverResult handover(long caseId, boolean acceptMissingNotes) {
		OffboardingCase offboarding = this.transactions.execute(status -> {
			OffboardingCase found = this.access.manageable(caseId);
			if (!found.open()) {
				throw new ConflictException("departed", "the employee has left; what remained went to the manager");
			}
			this.plan.addLateCustomers(found);
			List<Long> invalid = this.rows.withInactiveOwner(caseId);
			if (!invalid.isEmpty()) {
				throw new ConflictException("plan_invalid",
						"the plan gives customers to employees who are no longer active; choose others",
						Map.of("customerIds", invalid));
			}
			Map<String, Object> started = new LinkedHashMap<>();
			List<MissingNote> missing = this.rows.keyPendingWithoutNote(caseId);
			if (!missing.isEmpty()) {
				if (!acceptMissingNotes) {
					throw new ConflictException("handover_notes_missing",
							"key customers have no handover note yet; accept that to hand them over anyway",
							Map.of("customers", missing));
				}
				started.put("missingNotesAccepted", missing.size());
				started.put("customerIds", missing.stream().map(MissingNote::customerId).limit(100).toList());
			}
			this.cases.handoverStarted(caseId, CurrentEmployee.id());
			this.audit.record(AuditAction.HANDOVER_STARTED, "offboarding_case", caseId, started);
			return found;
		});
		HandoverExecution.Totals totals = this.execution.run(offboarding, OwnerChangeKind.HANDOVER);
		return finish(offboarding, totals, CurrentEmployee.id(), false);
	}

	/**
	 * Finishes a handover that stopped half-way because the instance running it died (a
	 * crash, a {@code kill -9}): the open rows of the plan go to their planned owners, as
	 * the one who started it asked, without waiting for someone to ask again. Nothing is
	 * done twice: a chunk takes only open rows, locked. {@code LastWorkingDayJob} calls
	 * it on one instance.
	 */
	void resume(long caseId, Long startedBy) {
		OffboardingCase offboarding = this.transactions.execute(status -> this.cases.find(caseId).orElseThrow());
		if (offboarding.status() != CaseStatus.HANDING_OVER) {
			return;
		}
		HandoverExecution.Totals totals = this.execution.run(offboarding, OwnerChangeKind.HANDOVER);
		finish(offboarding, totals, startedBy, true);
	}

	private HandoverResult finish(OffboardingCase offboarding, HandoverExecution.Totals totals, Long by,
			boolean resumed) {
		long caseId = offboarding.id();
		return this.transactions.execute(status -> {
			int teams = this.portfolios.leaveAllTeams(offboarding.employeeId(), by).size();
			long remaining = this.rows.count(caseId, new PlanRows.Filter(null, null, true));
			if (remaining == 0) {
				this.cases.handoverFinished(caseId);
			}
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("reassigned", totals.reassigned());
			facts.put("alreadyMoved", totals.alreadyMoved());
			facts.put("remaining", remaining);
			facts.put("teamsLeft", teams);
			if (resumed) {
				// by no one at the keyboard: the job took up what a dead instance left
				facts.put("resumed", true);
			}
			this.audit.record(AuditAction.HANDOVER_EXECUTED, "offboarding_case", caseId, facts);
			this.events.publishEvent(new HandoverCompleted(caseId, offboarding.employeeId()));
			return new HandoverResult(caseId, totals.reassigned(), totals.alreadyMoved(), remaining,
					this.cases.find(caseId).orElseThrow().status());
		});
	}

}
