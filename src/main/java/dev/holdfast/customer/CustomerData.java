package dev.holdfast.customer;

import java.util.Map;

/**
 * The describing fields of a customer, as a form or a restored revision sets them.
 */
public record CustomerData(String name, CustomerKind kind, CustomerLevel level, String industry, String source,
		String region, String address, String notes, CustomerStatus status) {

	static CustomerData fromSnapshot(Map<String, Object> snapshot) {
		return new CustomerData((String) snapshot.get("name"), CustomerKind.valueOf((String) snapshot.get("kind")),
				CustomerLevel.valueOf((String) snapshot.get("level")), (String) snapshot.get("industry"),
				(String) snapshot.get("source"), (String) snapshot.get("region"), (String) snapshot.get("address"),
				(String) snapshot.get("notes"), CustomerStatus.valueOf((String) snapshot.get("status")));
	}

}
