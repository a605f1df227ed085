package dev.holdfast.dashboard;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.customer.VisibleCustomers.Owners;

/**
 * Whose work the caller's dashboard shows: the owners whose customers the caller sees, as
 * customer's {@link VisibleCustomers} says (so the dashboard never counts a customer the
 * caller could not open), narrowed to a department and its sub-departments when one is
 * chosen.
 */
@Component
class DashboardScope {

	private static final String TREE = """
			with recursive tree(id) as (
			    select id from department_directory where id = :department
			    union select d.id from department_directory d join tree t on d.parent_id = t.id)
			""";

	private final JdbcClient jdbc;

	private final VisibleCustomers visible;

	DashboardScope(JdbcClient jdbc, VisibleCustomers visible) {
		this.jdbc = jdbc;
		this.visible = visible;
	}

	/**
	 * The employees shown, or {@code null} for everyone (an ALL scope, no department).
	 */
	Set<Long> employees(Long departmentId) {
		Owners owners = this.visible.ownersOfCaller();
		if (departmentId == null) {
			return owners.all() ? null : owners.ids();
		}
		List<Long> inDepartment = this.jdbc
			.sql(TREE + "select e.id from employee_directory e join tree t on e.department_id = t.id")
			.param("department", departmentId)
			.query(Long.class)
			.list();
		return inDepartment.stream().filter(owners::covers).collect(Collectors.toSet());
	}

	/** The departments the caller may filter by, in tree order. */
	List<DepartmentOption> departments() {
		Owners owners = this.visible.ownersOfCaller();
		String roots = owners.all() ? "select id from department_directory where parent_id is null"
				: "select distinct department_id from employee_directory where id = any(cast(:owners as bigint[]))"
						+ " and department_id is not null";
		// a sub-department is reached both as a root and through its parent: keep its
		// deepest path
		return this.jdbc
			.sql("""
					with recursive tree(id, name, path) as (
					    select d.id, d.name, array[d.name::text] from department_directory d where d.id in (%s)
					    union all
					    select d.id, d.name, t.path || d.name::text from department_directory d join tree t on d.parent_id = t.id)
					select id, name, depth from (
					    select distinct on (id) id, name, path, cardinality(path) - 1 as depth from tree
					    order by id, cardinality(path) desc) deepest
					order by path"""
				.formatted(roots))
			.param("owners", Ids.array(owners.ids()))
			.query(DepartmentOption.class)
			.list();
	}

}
