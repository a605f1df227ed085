package dev.holdfast.organization;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
class Department {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private Long parentId;

	private Instant createdAt;

	protected Department() {
	}

	Department(String name, Long parentId) {
		this.name = name;
		this.parentId = parentId;
		this.createdAt = Instant.now();
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	Long getParentId() {
		return this.parentId;
	}

}
