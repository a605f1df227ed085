package dev.holdfast.care;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.holdfast.customer.VisibleCustomers;

/**
 * The key customers (by level, with an owner, not archived) a caller may see, optionally
 * only those whose owner works in a department or below it: a {@code with} clause and a
 * condition on the customer row {@code c}, with their parameters.
 */
record KeyCustomerSql(String with, String where, Map<String, Object> params) {

	static KeyCustomerSql of(Set<String> levels, Long departmentId, VisibleCustomers.Filter visible) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("levels", levels);
		String where = "c.level in (:levels) and c.archived_at is null and c.owner_id is not null and " + visible.sql();
		String with = "";
		if (departmentId != null) {
			params.put("departmentId", departmentId);
			with = "with recursive tree(id) as (select cast(:departmentId as bigint)"
					+ " union select d.id from department_directory d join tree t on d.parent_id = t.id) ";
			where += " and exists (select 1 from employee_directory e join tree t on t.id = e.department_id"
					+ " where e.id = c.owner_id)";
		}
		return new KeyCustomerSql(with, where, params);
	}

}
