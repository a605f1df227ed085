package dev.holdfast.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Roles extends JpaRepository<Role, Long> {

	Optional<Role> findByCode(String code);

	List<Role> findByCodeIn(Collection<String> codes);

	List<Role> findAllByOrderByIdAsc();

}
