package dev.holdfast.customer;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Customers extends JpaRepository<Customer, Long> {

	/** A real customer with this name; personal canaries never count as duplicates. */
	Optional<Customer> findFirstByNormalizedNameAndKindAndCanaryOwnerIdIsNull(String normalizedName, CustomerKind kind);

}
