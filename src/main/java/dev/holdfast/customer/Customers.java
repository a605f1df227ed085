package dev.holdfast.customer;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Customers extends JpaRepository<Customer, Long> {

	Optional<Customer> findFirstByNormalizedNameAndKind(String normalizedName, CustomerKind kind);

}
