package dev.holdfast.customer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Contacts extends JpaRepository<Contact, Long> {

	List<Contact> findByCustomerIdOrderByIdAsc(long customerId);

	List<Contact> findByCustomerIdInAndUpdatedAtGreaterThanEqualAndArchivedAtIsNull(
			java.util.Collection<Long> customerIds, java.time.Instant since);

}
