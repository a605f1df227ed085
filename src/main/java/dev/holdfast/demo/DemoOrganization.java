package dev.holdfast.demo;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.holdfast.organization.DepartmentForm;
import dev.holdfast.organization.EmployeeForm;
import dev.holdfast.organization.OrganizationManagement;

/**
 * The demo company's departments and employees, created through
 * {@link OrganizationManagement} so that each leaves its audit event:
 *
 * <pre>
 * 守客科技
 * ├── 销售部 (director, SALES_MANAGER)
 * │   ├── 华东销售组 (east.manager + east.sales1..4)
 * │   └── 华南销售组 (south.manager + south.sales1..4)
 * ├── 客服部 (service1, service2)
 * ├── 人力资源部 (hr.manager)
 * ├── 审计部 (auditor)
 * └── 信息技术部 (it.admin, ADMIN)
 * </pre>
 */
@Component
class DemoOrganization {

	static final int REPS_PER_TEAM = 4;

	private final OrganizationManagement organization;

	DemoOrganization(OrganizationManagement organization) {
		this.organization = organization;
	}

	/** Who is who in the demo company. */
	record Staff(long director, List<Long> managers, List<Long> reps, List<Long> service) {

		/** Everyone who owns customers. */
		List<Long> owners() {
			List<Long> owners = new ArrayList<>(this.reps);
			owners.addAll(this.managers);
			return owners;
		}

	}

	Staff create(DemoFaker faker, String password) {
		long company = department("守客科技", null);
		long sales = department("销售部", company);
		long director = employee(faker, password, "director", sales, null, "SALES_MANAGER");
		List<Long> managers = new ArrayList<>();
		List<Long> reps = new ArrayList<>();
		team(faker, password, "east", department("华东销售组", sales), director, managers, reps);
		team(faker, password, "south", department("华南销售组", sales), director, managers, reps);
		long serviceDepartment = department("客服部", company);
		List<Long> service = List.of(employee(faker, password, "service1", serviceDepartment, null, "SERVICE"),
				employee(faker, password, "service2", serviceDepartment, null, "SERVICE"));
		employee(faker, password, "hr.manager", department("人力资源部", company), null, "HR");
		employee(faker, password, "auditor", department("审计部", company), null, "AUDITOR");
		employee(faker, password, "it.admin", department("信息技术部", company), null, "ADMIN");
		return new Staff(director, managers, reps, service);
	}

	private void team(DemoFaker faker, String password, String name, long department, long director,
			List<Long> managers, List<Long> reps) {
		long manager = employee(faker, password, name + ".manager", department, director, "SALES_MANAGER");
		managers.add(manager);
		for (int i = 1; i <= REPS_PER_TEAM; i++) {
			reps.add(employee(faker, password, name + ".sales" + i, department, manager, "SALES"));
		}
	}

	private long department(String name, Long parentId) {
		return this.organization.createDepartment(new DepartmentForm(name, parentId)).id();
	}

	private long employee(DemoFaker faker, String password, String username, long departmentId, Long managerId,
			String role) {
		String displayName = faker.personName();
		String email = username + "@demo.holdfast.dev";
		return this.organization
			.createEmployee(new EmployeeForm(username, displayName, password, departmentId, managerId, List.of(role),
					email, faker.mobile(), null))
			.id();
	}

}
