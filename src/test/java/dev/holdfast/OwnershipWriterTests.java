package dev.holdfast;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One writer of customers' owners (issue 12, item 1): changing {@code customer.owner_id}
 * and writing the ownership history happen in {@code customer.Ownership} alone; the pool,
 * offboarding and transfers call it. The main code is read as text, so a new statement
 * that moves a customer anywhere else fails here.
 */
class OwnershipWriterTests {

	private static final String WRITER = "customer/Ownership.java";

	/** SQL that sets an owner or adds to the history, and the entity's setter. */
	private static final Pattern WRITES = Pattern
		.compile("(?is)update\\s+customer\\s+(?:\\w+\\s+)?set\\s+(?:(?!\\bwhere\\b)[^;\"])*?"
				+ "\\bowner_id\\s*=|insert\\s+into\\s+customer_owner_history|\\.assignTo\\(");

	@Test
	void onlyOwnershipSetsOwnersOrWritesTheirHistory() {
		Set<String> writers = new TreeSet<>();
		MainSources.java().forEach((file, text) -> {
			if (WRITES.matcher(text).find()) {
				writers.add(file);
			}
		});
		assertThat(writers).as("files that change a customer's owner: call customer.Ownership instead")
			.containsExactly(WRITER);
	}

	@Test
	void thePatternSeesEveryShapeOfAMove() {
		assertThat(WRITES.matcher("update customer c set owner_id = m.owner").find()).isTrue();
		assertThat(WRITES.matcher("update customer set version = version + 1, owner_id = null").find()).isTrue();
		assertThat(WRITES.matcher("insert into customer_owner_history (customer_id)").find()).isTrue();
		assertThat(WRITES.matcher("customer.assignTo(42L)").find()).isTrue();
		assertThat(WRITES.matcher("update customer_member set removed_at = now()").find()).isFalse();
		assertThat(WRITES.matcher("update customer set name = ? where owner_id = ?").find())
			.as("a condition on the owner is no move")
			.isFalse();
	}

}
