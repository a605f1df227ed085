package dev.holdfast.followup;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUps extends JpaRepository<FollowUp, Long> {

	Page<FollowUp> findByCustomerIdOrderByCreatedAtDescIdDesc(long customerId, Pageable pageable);

}
