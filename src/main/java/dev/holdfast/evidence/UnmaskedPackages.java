package dev.holdfast.evidence;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.ApprovableAction;
import dev.holdfast.organization.ApprovalView;
import dev.holdfast.organization.Approvals;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.InvalidInputException;

/**
 * Packages with contact data in full, which need approval as an unmasked export does: the
 * builder asks the administrators ({@link Approvals#ask}) for one employee and period;
 * another administrator approves; the builder then builds exactly that package once with
 * the approval's id. Until then, and for anything else, the package is masked or refused.
 */
@Component
class UnmaskedPackages {

	static final String ACTION = "EVIDENCE_UNMASKED";

	private final Approvals approvals;

	private final JdbcClient jdbc;

	UnmaskedPackages(Approvals approvals, JdbcClient jdbc) {
		this.approvals = approvals;
		this.jdbc = jdbc;
	}

	/** Asks the administrators to approve the unmasked package the form describes. */
	ApprovalView ask(EvidenceForm form, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required");
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("employeeId", String.valueOf(form.employeeId()));
		details.put("from", form.from().toString());
		details.put("to", form.to().toString());
		details.put("reason", reason.strip());
		return this.approvals.ask(ACTION, details, Map.of("requesterLink", "/evidence"));
	}

	/**
	 * Refuses an unmasked build without the caller's approved request for exactly this
	 * employee and period, or with one a package used already (409).
	 */
	void requireApproved(EvidenceForm form) {
		if (form.approvalId() == null) {
			throw new InvalidInputException("approvalId", "is required");
		}
		ApprovalView approval = this.approvals.asked(form.approvalId());
		boolean same = ACTION.equals(approval.action())
				&& String.valueOf(form.employeeId()).equals(approval.details().get("employeeId"))
				&& form.from().toString().equals(approval.details().get("from"))
				&& form.to().toString().equals(approval.details().get("to"));
		if (!same) {
			throw new ConflictException("approval_mismatch",
					"the approval is not for this employee and period; ask for one");
		}
		if (!"APPROVED".equals(approval.status())) {
			throw new ConflictException("approval_pending", "the unmasked package is not approved",
					Map.of("status", approval.status()));
		}
		if (this.jdbc.sql("select count(*) from evidence_package where approval_id = ?")
			.param(form.approvalId())
			.query(Long.class)
			.single() > 0) {
			throw new ConflictException("approval_used", "this approval was used for a package already");
		}
	}

	/**
	 * The caller's requests for unmasked packages, newest first, each with whether a
	 * package used it already.
	 */
	List<UnmaskedRequestView> mine() {
		List<ApprovalView> asked = this.approvals.askedFor(ACTION);
		if (asked.isEmpty()) {
			return List.of();
		}
		Set<Long> used = new HashSet<>(
				this.jdbc.sql("select distinct approval_id from evidence_package where approval_id = any(?)")
					.param(asked.stream().map(ApprovalView::id).toArray(Long[]::new))
					.query(Long.class)
					.list());
		return asked.stream().map(a -> new UnmaskedRequestView(a, used.contains(a.id()))).toList();
	}

	/** A request for an unmasked package as its asker sees it on the evidence page. */
	record UnmaskedRequestView(ApprovalView approval, boolean used) {

		public boolean buildable() {
			return !this.used && "APPROVED".equals(this.approval.status());
		}

		public String detail(String key) {
			return this.approval.details().get(key);
		}

	}

	/** The administrators' approval is the grant: nothing else to do on approving. */
	@Configuration(proxyBeanMethods = false)
	static class Approval {

		@Bean
		ApprovableAction unmaskedEvidence() {
			return ApprovableAction.of(ACTION, (employeeId, payload) -> employeeId);
		}

	}

}
