package dev.holdfast.system;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.holdfast.organization.ApprovalView;
import dev.holdfast.organization.Approvals;
import dev.holdfast.protection.ExportView;
import dev.holdfast.protection.WaitingExports;
import dev.holdfast.risk.AlertView;
import dev.holdfast.risk.RiskManagement;
import dev.holdfast.shared.Permission;

/**
 * What waits for the caller's decision, for their start page: exports to approve, other
 * administrators' requests under four-eyes, and open risk alerts for those who receive
 * them. Each part is null for a caller whose permissions never give them that kind of
 * decision.
 */
@Component
class TodayDecisions {

	private final WaitingExports exports;

	private final Approvals approvals;

	private final RiskManagement risk;

	TodayDecisions(WaitingExports exports, Approvals approvals, RiskManagement risk) {
		this.exports = exports;
		this.approvals = approvals;
		this.risk = risk;
	}

	/**
	 * @param exports exports waiting for the caller's approval, or null
	 * @param approvals requests of other administrators waiting for a second one, or null
	 * @param alerts open risk alerts, or null
	 */
	record Decisions(List<ExportView> exports, List<ApprovalView> approvals, List<AlertView> alerts) {

		/** Whether the caller ever approves anything. */
		public boolean approves() {
			return this.exports != null || this.approvals != null;
		}

		public int waiting() {
			return (this.exports == null ? 0 : this.exports.size())
					+ (this.approvals == null ? 0 : this.approvals.size());
		}

	}

	Decisions of() {
		List<ExportView> waitingExports = Permission.EXPORT_APPROVE.isHeld() ? this.exports.forMe(TodayWork.LISTED)
				: null;
		List<ApprovalView> waitingApprovals = Permission.ROLE_MANAGE.isHeld()
				? this.approvals.list(true).stream().filter(a -> !a.mine()).limit(TodayWork.LISTED).toList() : null;
		List<AlertView> alerts = this.risk.openAlertsOfCaller(TodayWork.LISTED).orElse(null);
		return new Decisions(waitingExports, waitingApprovals, alerts);
	}

}
