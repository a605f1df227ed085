package dev.holdfast.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Employees extends JpaRepository<Employee, Long> {

	/**
	 * The employee with roles and their permissions in one query, rather than one per
	 * role.
	 */
	@Query("select distinct e from Employee e left join fetch e.roles r left join fetch r.permissions where e.id = ?1")
	Optional<Employee> findWithRolesById(long id);

	/**
	 * Employees with their roles, for views (which carry the roles' codes only): the
	 * roles' permissions, a few per role and the same for everyone with it, come with the
	 * few roles, not repeated on every employee's rows (460 reps of one role: 3,066 rows
	 * with them, 467 without).
	 */
	@Query("select distinct e from Employee e left join fetch e.roles where e.id in ?1 order by e.id")
	List<Employee> findWithRolesByIdIn(Collection<Long> ids);

	@Query("select distinct e from Employee e left join fetch e.roles r left join fetch r.permissions where e.status in ?1 order by e.id")
	List<Employee> findWithRolesByStatusIn(Collection<EmploymentStatus> statuses);

	/** By the canonical username ({@link dev.holdfast.shared.Usernames}), as stored. */
	Optional<Employee> findByUsername(String canonicalUsername);

	List<Employee> findByEmailIgnoreCase(String email);

	@Query("""
			select e from Employee e
			where (cast(?1 as String) is null or lower(e.username) like lower(concat('%', cast(?1 as String), '%'))
			       or lower(e.displayName) like lower(concat('%', cast(?1 as String), '%')))
			  and (?2 is null or e.departmentId = ?2)
			order by e.id""")
	Page<Employee> search(String q, Long departmentId, Pageable pageable);

}
