package dev.holdfast.offboarding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.OwnerCandidates;
import dev.holdfast.customer.Portfolios;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;

/**
 * The rule that no A-level customer stays with the same rep longer than
 * {@code holdfast.rotation.max-months-a-level} months (off by default): the customers the
 * caller manages that are past it, and for one rep a ready plan (the one click) moving
 * those customers to the colleague of the rep's department with the fewest customers.
 */
@Service
public class RotationRule {

	private static final int LIMIT = 500;

	private final JdbcClient jdbc;

	private final VisibleCustomers visible;

	private final OwnerCandidates candidates;

	private final Portfolios portfolios;

	private final OrganizationManagement organization;

	private final Rotations rotations;

	private final HoldfastClock clock;

	private final RotationProperties properties;

	RotationRule(JdbcClient jdbc, VisibleCustomers visible, OwnerCandidates candidates, Portfolios portfolios,
			OrganizationManagement organization, Rotations rotations, HoldfastClock clock,
			RotationProperties properties) {
		this.jdbc = jdbc;
		this.visible = visible;
		this.candidates = candidates;
		this.portfolios = portfolios;
		this.organization = organization;
		this.rotations = rotations;
		this.clock = clock;
		this.properties = properties;
	}

	/** An A-level customer past the rule, with its rep and since when they have it. */
	public record Overdue(long customerId, String customerName, long ownerId, String ownerName, Instant since) {
	}

	/** The rule's months (0: off) and the customers past it. */
	public record OverdueList(int maxMonths, List<Overdue> customers) {

		/** The customers by rep, in the list's order. */
		public List<RepGroup> byRep() {
			Map<Long, RepGroup> groups = new java.util.LinkedHashMap<>();
			for (Overdue o : this.customers) {
				groups.computeIfAbsent(o.ownerId(), id -> new RepGroup(id, o.ownerName(), new java.util.ArrayList<>()))
					.customers()
					.add(o);
			}
			return List.copyOf(groups.values());
		}

	}

	/** A rep's customers past the rule. */
	public record RepGroup(long ownerId, String ownerName, List<Overdue> customers) {
	}

	/**
	 * The A-level customers the caller may change that have had the same (active) rep for
	 * longer than the rule allows and are in no open plan; empty when the rule is off.
	 */
	@Transactional(readOnly = true)
	public OverdueList overdue() {
		this.rotations.requirePlanning();
		if (!this.properties.ruleOn()) {
			return new OverdueList(0, List.of());
		}
		VisibleCustomers.Filter filter = this.visible.forCaller("c");
		Map<String, Object> params = new HashMap<>(filter.params());
		params.put("cutoff", Timestamp.from(cutoff()));
		params.put("limit", LIMIT);
		List<Overdue> rows = this.jdbc
			.sql("""
					select c.id, c.name, c.owner_id, e.display_name, s.since
					from customer_directory c join employee_directory e on e.id = c.owner_id
					cross join lateral (
					    select coalesce((select max(h.changed_at) from customer_owner_change h
					                     where h.customer_id = c.id and h.new_owner_id = c.owner_id), c.created_at) as since) s
					where c.level = 'A' and c.archived_at is null and c.canary_owner_id is null and e.status = 'ACTIVE'
					  and s.since < :cutoff and (%s)
					  and not exists (select 1 from rotation_item i where i.customer_id = c.id and i.done_at is null)
					order by e.display_name, c.owner_id, s.since, c.id limit :limit"""
				.formatted(filter.sql()))
			.params(params)
			.query((rs, row) -> new Overdue(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
		return new OverdueList(this.properties.maxMonthsALevel(), rows);
	}

	/**
	 * The one-click plan for a rep's customers past the rule: to the colleague the caller
	 * may give them to with the fewest customers (the rep's department first), a week
	 * from today; the notes are left for the manager to write. Not saved.
	 */
	@Transactional(readOnly = true)
	public RotationForm proposal(long fromEmployeeId) {
		List<RotationForm.Customer> customers = overdue().customers()
			.stream()
			.filter(o -> o.ownerId() == fromEmployeeId)
			.map(o -> new RotationForm.Customer(o.customerId(), null))
			.toList();
		if (customers.isEmpty()) {
			throw new InvalidInputException("fromEmployeeId", "none of the rep's customers is past the rule");
		}
		return new RotationForm(fromEmployeeId, receiver(fromEmployeeId), this.clock.today().plusDays(7), null,
				customers);
	}

	private Long receiver(long from) {
		Long department = this.organization.employee(from).departmentId();
		List<EmployeeView> eligible = this.candidates.forCaller().stream().filter(e -> e.id() != from).toList();
		Map<Long, String> refused = this.candidates.refused(eligible.stream().map(EmployeeView::id).toList());
		List<EmployeeView> open = eligible.stream().filter(e -> !refused.containsKey(e.id())).toList();
		Map<Long, Long> counts = this.portfolios.customerCounts(open.stream().map(EmployeeView::id).toList());
		return open.stream()
			.min(Comparator.comparing((EmployeeView e) -> !Objects.equals(e.departmentId(), department))
				.thenComparing(e -> counts.getOrDefault(e.id(), 0L))
				.thenComparing(EmployeeView::id))
			.map(EmployeeView::id)
			.orElse(null);
	}

	private Instant cutoff() {
		return this.clock.startOf(this.clock.today().minusMonths(this.properties.maxMonthsALevel()));
	}

}
