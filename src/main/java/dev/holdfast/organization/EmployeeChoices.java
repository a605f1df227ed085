package dev.holdfast.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an employee reads in a picker: name, department and username ("张伟 · 华东销售组 ·
 * zhang.wei"), so that two 张伟 can be told apart. Only labels: who is offered stays the
 * caller's rule. Templates call it once per picker, e.g.
 * {@code th:with="labels=${@employeeChoices.labels(candidates)}"}.
 */
@Component("employeeChoices")
public class EmployeeChoices {

	private final Departments departments;

	private final JdbcClient jdbc;

	EmployeeChoices(Departments departments, JdbcClient jdbc) {
		this.departments = departments;
		this.jdbc = jdbc;
	}

	/** The label of each employee by id, in the order given. */
	@Transactional(readOnly = true)
	public Map<Long, String> labels(Collection<EmployeeView> candidates) {
		Map<Long, String> names = departmentNames(candidates.stream().map(EmployeeView::departmentId));
		Map<Long, String> labels = new LinkedHashMap<>();
		candidates.forEach(e -> labels.put(e.id(), label(e.displayName(), names.get(e.departmentId()), e.username())));
		return labels;
	}

	/**
	 * The labels of these employees by id (unknown ids left out), sorted by label; one
	 * query, no entities (the customer list's owner filter labels a few hundred on every
	 * page of a manager).
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> labelsOf(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<Map.Entry<Long, String>> found = new ArrayList<>();
		this.jdbc.sql("""
				select e.id, e.display_name, d.name as department, e.username
				from employee e left join department d on d.id = e.department_id
				where e.id in (:ids)""").param("ids", ids).query(rs -> {
			found.add(Map.entry(rs.getLong("id"),
					label(rs.getString("display_name"), rs.getString("department"), rs.getString("username"))));
		});
		return found.stream()
			.sorted(Comparator.comparing(Map.Entry::getValue))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}

	static String label(String name, String department, String username) {
		return department == null ? name + " · " + username : name + " · " + department + " · " + username;
	}

	private Map<Long, String> departmentNames(java.util.stream.Stream<Long> ids) {
		return this.departments.findAllById(ids.filter(Objects::nonNull).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Department::getId, Department::getName));
	}

}
