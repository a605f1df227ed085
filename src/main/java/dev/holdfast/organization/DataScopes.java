package dev.holdfast.organization;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an employee's roles into the set of owners whose customers they see: the union of
 * the data scopes of all their roles, always including themselves.
 */
@Service
public class DataScopes {

	private final JdbcClient jdbc;

	DataScopes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public OwnerScope ownerScopeOf(long employeeId) {
		List<DataScope> scopes = this.jdbc.sql("""
				select distinct r.data_scope from employee_role er join role r on r.id = er.role_id
				where er.employee_id = ?""").param(employeeId).query(DataScope.class).list();
		if (scopes.contains(DataScope.ALL)) {
			return OwnerScope.everyone();
		}
		Set<Long> owners = new HashSet<>();
		owners.add(employeeId);
		for (DataScope scope : scopes) {
			owners.addAll(ownersIn(scope, employeeId));
		}
		return OwnerScope.of(owners);
	}

	private List<Long> ownersIn(DataScope scope, long employeeId) {
		String sql = switch (scope) {
			case SELF, ALL -> null;
			case SUBORDINATES -> """
					with recursive below(id) as (
					    select id from employee where manager_id = :me
					    union select e.id from employee e join below b on e.manager_id = b.id)
					select id from below""";
			case DEPARTMENT -> """
					select e.id from employee e
					where e.department_id = (select department_id from employee where id = :me)""";
			case DEPARTMENT_TREE -> """
					with recursive tree(id) as (
					    select department_id from employee where id = :me and department_id is not null
					    union select d.id from department d join tree t on d.parent_id = t.id)
					select e.id from employee e join tree t on e.department_id = t.id""";
		};
		return sql == null ? List.of() : this.jdbc.sql(sql).param("me", employeeId).query(Long.class).list();
	}

}
