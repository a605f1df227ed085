package dev.holdfast.offboarding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.Portfolios;
import dev.holdfast.customer.Portfolios.Holding;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.Permission;

/**
 * Proposes a new owner for every customer a leaver owns: a WRITE team member first, else
 * the colleague in the same department with the fewest customers (below the maximum),
 * else the manager; never anyone who is leaving or gone. Reads the portfolio in chunks,
 * so that any size fits in memory.
 */
@Component
class HandoverPlan {

	private final JdbcClient jdbc;

	private final Portfolios portfolios;

	private final OrganizationManagement organization;

	private final OffboardingProperties properties;

	HandoverPlan(JdbcClient jdbc, Portfolios portfolios, OrganizationManagement organization,
			OffboardingProperties properties) {
		this.jdbc = jdbc;
		this.portfolios = portfolios;
		this.organization = organization;
		this.properties = properties;
	}

	/** A colleague who could take customers, with how many they have. */
	private record Load(long employeeId, long customers) {
	}

	/** Who is proposed for a customer, and why. */
	private record Proposal(long customerId, long ownerId, String reason) {
	}

	/**
	 * Notes on the plan's rows which teams the resignation put the manager on (ADDED) or
	 * raised to WRITE (RAISED), for the handover to end those grants.
	 */
	void markManagerGrants(long caseId, Portfolios.TeamsJoined joined) {
		for (Map.Entry<String, List<Long>> grant : Map.of("ADDED", joined.added(), "RAISED", joined.raised())
			.entrySet()) {
			if (!grant.getValue().isEmpty()) {
				this.jdbc.sql("""
						update handover_item set manager_grant = :grant
						where case_id = :caseId and customer_id = any(:ids::bigint[])""")
					.param("grant", grant.getKey())
					.param("caseId", caseId)
					.param("ids", grant.getValue().toArray(Long[]::new))
					.update();
			}
		}
	}

	/** Writes the plan of a new case; returns how many customers it covers. */
	int propose(OffboardingCase offboarding) {
		EmployeeView leaver = this.organization.employee(offboarding.employeeId());
		PriorityQueue<Load> colleagues = colleaguesOf(leaver);
		int planned = 0;
		long after = 0;
		List<Holding> chunk;
		while (!(chunk = this.portfolios.ownedBy(leaver.id(), after, this.properties.chunkSize())).isEmpty()) {
			Map<Long, Long> members = this.portfolios.writeMembers(chunk.stream().map(Holding::customerId).toList(),
					leaver.id());
			List<Proposal> rows = new ArrayList<>();
			for (Holding customer : chunk) {
				Long member = members.get(customer.customerId());
				if (member != null) {
					rows.add(new Proposal(customer.customerId(), member, "WRITE_MEMBER"));
				}
				else if (!colleagues.isEmpty()
						&& colleagues.peek().customers() < this.properties.maxCustomersPerOwner()) {
					Load least = colleagues.poll();
					rows.add(new Proposal(customer.customerId(), least.employeeId(), "LEAST_LOADED_COLLEAGUE"));
					colleagues.add(new Load(least.employeeId(), least.customers() + 1));
				}
				else {
					rows.add(new Proposal(customer.customerId(), offboarding.managerId(), "MANAGER"));
				}
			}
			insert(offboarding.id(), rows);
			planned += chunk.size();
			after = chunk.get(chunk.size() - 1).customerId();
		}
		return planned;
	}

	/**
	 * Adds customers the leaver came to own after the plan was made (the manager takes
	 * them unless someone edits the plan).
	 */
	int addLateCustomers(OffboardingCase offboarding) {
		return this.jdbc.sql("""
				insert into handover_item (case_id, customer_id, proposed_owner_id, proposal_reason)
				select :case, c.id, :manager, 'ADDED_LATER' from customer_directory c
				where c.owner_id = :leaver
				on conflict (case_id, customer_id) do nothing""")
			.param("case", offboarding.id())
			.param("manager", offboarding.managerId())
			.param("leaver", offboarding.employeeId())
			.update();
	}

	private PriorityQueue<Load> colleaguesOf(EmployeeView leaver) {
		PriorityQueue<Load> queue = new PriorityQueue<>(
				Comparator.comparingLong(Load::customers).thenComparingLong(Load::employeeId));
		if (leaver.departmentId() == null) {
			return queue;
		}
		List<Long> candidates = this.organization.activeHolders(Permission.CUSTOMER_CREATE, leaver.departmentId())
			.stream()
			.filter(id -> id != leaver.id())
			.toList();
		this.portfolios.customerCounts(candidates).forEach((id, count) -> queue.add(new Load(id, count)));
		return queue;
	}

	private void insert(long caseId, List<Proposal> rows) {
		this.jdbc.sql("""
				insert into handover_item (case_id, customer_id, proposed_owner_id, proposal_reason)
				select :case, p.customer, p.owner, p.reason
				from unnest(:customers::bigint[], :owners::bigint[], :reasons::varchar[]) as p (customer, owner, reason)
				on conflict (case_id, customer_id) do nothing""")
			.param("case", caseId)
			.param("customers", rows.stream().map(Proposal::customerId).toArray(Long[]::new))
			.param("owners", rows.stream().map(Proposal::ownerId).toArray(Long[]::new))
			.param("reasons", rows.stream().map(Proposal::reason).toArray(String[]::new))
			.update();
	}

}
