package dev.holdfast.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.audit.AuditAction;

/**
 * The team of a customer: employees besides the owner with READ or WRITE access,
 * optionally until a date.
 */
@Service
public class TeamManagement {

	private final TeamMembers members;

	private final Customers customers;

	private final CustomerVisibility visibility;

	private final Owners owners;

	private final AuditTrail audit;

	private final CustomerReads reads;

	TeamManagement(TeamMembers members, Customers customers, CustomerVisibility visibility, Owners owners,
			AuditTrail audit, CustomerReads reads) {
		this.reads = reads;
		this.members = members;
		this.customers = customers;
		this.visibility = visibility;
		this.owners = owners;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<MemberView> of(long customerId) {
		CustomerAccess access = this.visibility.requireVisible(customerId);
		this.reads.customer(customerId);
		if (access == CustomerAccess.POOL) {
			// the team of a pool customer would name who worked on it
			return List.of();
		}
		List<TeamMembers.Member> found = this.members.of(customerId);
		Map<Long, String> names = this.owners.names(found.stream().map(TeamMembers.Member::employeeId).toList());
		return found.stream()
			.map(m -> new MemberView(m.employeeId(), names.get(m.employeeId()), m.access(), m.expiresAt(), m.addedAt()))
			.toList();
	}

	/**
	 * Who may join a customer's team: ACTIVE employees whose work is customers (sales,
	 * and customer service for key accounts), never HR or auditors; what {@link #put}
	 * accepts.
	 */
	@Transactional(readOnly = true)
	public Set<Long> memberCandidates() {
		return this.owners.customerWorkers();
	}

	@Transactional
	public MemberView put(long customerId, long employeeId, MemberForm form) {
		this.visibility.requireWritable(customerId);
		GuardedAction.CHANGE_MEMBERS.require();
		Customer customer = this.customers.findById(customerId).orElseThrow(() -> new NotFoundException("customer"));
		if (Objects.equals(customer.getOwnerId(), employeeId)) {
			throw new InvalidInputException("employeeId", "the owner is on the team already");
		}
		this.owners.requireTeamMember(employeeId, "employeeId");
		long me = CurrentEmployee.id();
		boolean existed = this.members.find(customerId, employeeId).isPresent();
		this.members.put(customerId, employeeId, form, me);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("employeeId", employeeId);
		details.put("access", form.access().name());
		details.put("expiresAt", String.valueOf(form.expiresAt()));
		this.audit.record(existed ? AuditAction.MEMBER_CHANGED : AuditAction.MEMBER_ADDED, "customer", customerId,
				details);
		return this.members.find(customerId, employeeId)
			.map(m -> new MemberView(employeeId, this.owners.name(employeeId), m.access(), m.expiresAt(), m.addedAt()))
			.orElseThrow();
	}

	@Transactional
	public void remove(long customerId, long employeeId) {
		this.visibility.requireWritable(customerId);
		GuardedAction.CHANGE_MEMBERS.require();
		if (this.members.remove(customerId, employeeId, CurrentEmployee.id())) {
			this.audit.record(AuditAction.MEMBER_REMOVED, "customer", customerId, Map.of("employeeId", employeeId));
		}
	}

}
