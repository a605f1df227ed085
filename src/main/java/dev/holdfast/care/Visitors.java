package dev.holdfast.care;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.Permission;

/**
 * Chooses who visits a customer: an active customer service employee (care.visit) in the
 * owner's department tree, the nearest department up the tree that has one, else anyone
 * in customer service; among them the one with the fewest open visits.
 */
@Component
class Visitors {

	private final JdbcClient jdbc;

	private final OrganizationManagement organization;

	Visitors(JdbcClient jdbc, OrganizationManagement organization) {
		this.jdbc = jdbc;
		this.organization = organization;
	}

	/** Whether an employee is active customer service. */
	boolean isVisitor(long employeeId) {
		return this.organization.activeHolders(Permission.CARE_VISIT, null).contains(employeeId);
	}

	/** A visitor per customer (customers without any visitor are left out). */
	Map<Long, Long> assign(Collection<Long> customerIds) {
		Map<Long, Long> assigned = new HashMap<>();
		List<Long> visitors = this.organization.activeHolders(Permission.CARE_VISIT, null);
		if (visitors.isEmpty() || customerIds.isEmpty()) {
			return assigned;
		}
		Map<Long, Long> parents = new HashMap<>();
		this.jdbc.sql("select id, parent_id from department_directory").query(rs -> {
			parents.put(rs.getLong(1), rs.getObject(2, Long.class));
		});
		Map<Long, Long> load = new HashMap<>();
		Map<Long, List<Long>> bySubtree = new HashMap<>();
		this.jdbc.sql("""
				select e.id, e.department_id,
				       (select count(*) from care_visit v where v.assignee_id = e.id and v.status = 'OPEN')
				from employee_directory e where e.id in (:ids)""").param("ids", visitors).query(rs -> {
			long visitor = rs.getLong(1);
			load.put(visitor, rs.getLong(3));
			// a visitor serves the subtree of every department above theirs
			for (Long d = rs.getObject(2, Long.class); d != null; d = parents.get(d)) {
				bySubtree.computeIfAbsent(d, k -> new ArrayList<>()).add(visitor);
			}
		});
		Map<Long, Long> ownerDepartments = new HashMap<>();
		this.jdbc
			.sql("""
					select c.id, e.department_id from customer_directory c left join employee_directory e on e.id = c.owner_id
					where c.id = any(?)""")
			.param(customerIds.toArray(Long[]::new))
			.query(rs -> {
				ownerDepartments.put(rs.getLong(1), rs.getObject(2, Long.class));
			});
		for (Long customerId : customerIds) {
			List<Long> candidates = visitors;
			for (Long d = ownerDepartments.get(customerId); d != null; d = parents.get(d)) {
				if (bySubtree.containsKey(d)) {
					candidates = bySubtree.get(d);
					break;
				}
			}
			long chosen = leastLoaded(candidates, load);
			assigned.put(customerId, chosen);
			load.merge(chosen, 1L, Long::sum);
		}
		return assigned;
	}

	private static long leastLoaded(List<Long> candidates, Map<Long, Long> load) {
		long best = candidates.get(0);
		for (long candidate : candidates) {
			long l = load.getOrDefault(candidate, 0L);
			long b = load.getOrDefault(best, 0L);
			if (l < b || (l == b && candidate < best)) {
				best = candidate;
			}
		}
		return best;
	}

}
