package dev.holdfast.organization;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Departments extends JpaRepository<Department, Long> {

	List<Department> findAllByOrderByIdAsc();

}
