package dev.holdfast.customer.transfer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.ConflictException;

/**
 * The limit on how often a customer changes hands by edit or transfer within a window.
 * Counting locks the customers' rows, so two concurrent transfers can't both squeeze in
 * under the limit.
 */
@Component
public class TransferLimit {

	private final JdbcClient jdbc;

	private final TransferProperties properties;

	TransferLimit(JdbcClient jdbc, TransferProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Refuses (409 {@code transfer_limit}) when the customer has reached the limit. */
	public void require(long customerId) {
		Map<Long, Long> reached = reached(List.of(customerId));
		if (!reached.isEmpty()) {
			long count = reached.get(customerId);
			throw new ConflictException("transfer_limit",
					"the customer changed hands " + count + " times in the last " + this.properties.windowText()
							+ "; at most " + this.properties.maxPerWindow() + " are allowed",
					Map.of("count", count, "max", this.properties.maxPerWindow(), "windowDays",
							this.properties.window().toDays()));
		}
	}

	/**
	 * Refuses (409 {@code transfer_limit}) when any of the customers has reached the
	 * limit, listing them all.
	 */
	public void requireAll(Collection<Long> customerIds) {
		Map<Long, Long> reached = reached(customerIds);
		if (!reached.isEmpty()) {
			throw new ConflictException("transfer_limit",
					reached.size() + " of the customers changed hands " + this.properties.maxPerWindow()
							+ " times or more in the last " + this.properties.windowText(),
					Map.of("customerIds", List.copyOf(reached.keySet()), "max", this.properties.maxPerWindow(),
							"windowDays", this.properties.window().toDays()));
		}
	}

	/** The customers at or over the limit, with their count of changes in the window. */
	private Map<Long, Long> reached(Collection<Long> customerIds) {
		Map<Long, Long> reached = new LinkedHashMap<>();
		this.jdbc.sql("""
				select c.id,
				       (select count(*) from customer_owner_history h
				        where h.customer_id = c.id and h.kind in ('EDIT', 'TRANSFER')
				          and h.changed_at > now() - make_interval(secs => :seconds)) as changes
				from customer c where c.id in (:ids) order by c.id for update of c""")
			.param("seconds", this.properties.window().toSeconds())
			.param("ids", customerIds)
			.query((rs, row) -> Map.entry(rs.getLong("id"), rs.getLong("changes")))
			.list()
			.stream()
			.filter(e -> e.getValue() >= this.properties.maxPerWindow())
			.forEach(e -> reached.put(e.getKey(), e.getValue()));
		return reached;
	}

}
