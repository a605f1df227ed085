package dev.holdfast.offboarding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditEntry;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.OwnerChangeKind;
import dev.holdfast.customer.Ownership;
import dev.holdfast.customer.Portfolios;
import dev.holdfast.customer.Portfolios.Holding;
import dev.holdfast.customer.Portfolios.Move;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.audit.AuditAction;

/**
 * Carries out a handover plan in chunks, one transaction each. Resumable and idempotent:
 * a chunk takes only open rows (locked, skipping rows another run holds), moves only
 * customers the leaver still owns, and marks its rows done in the same transaction, so a
 * crash leaves every customer with exactly one owner and the next run finishes the rest
 * without doing anything twice. A row marked REASSIGNED is the new owner's handover task.
 * Memory holds one chunk, whatever the portfolio's size.
 */
@Component
class HandoverExecution {

	private static final Set<CustomerLevel> KEY = Set.of(CustomerLevel.A, CustomerLevel.B);

	private final JdbcClient jdbc;

	private final Ownership ownership;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final OffboardingProperties properties;

	private final Portfolios portfolios;

	HandoverExecution(JdbcClient jdbc, Ownership ownership, ApplicationEventPublisher events, AuditTrail audit,
			TransactionTemplate transactions, OffboardingProperties properties, Portfolios portfolios) {
		this.portfolios = portfolios;
		this.jdbc = jdbc;
		this.ownership = ownership;
		this.events = events;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
	}

	/** Totals of a run. */
	record Totals(int reassigned, int alreadyMoved) {
	}

	/**
	 * Runs every open chunk, on {@code workers} threads at once: rows locked by one are
	 * skipped by the others, so each customer is still handled exactly once.
	 */
	Totals run(OffboardingCase offboarding, OwnerChangeKind kind) {
		ChunkWorkers.Chunk totals = ChunkWorkers.run(this.properties.workers(),
				after -> this.transactions.execute(status -> chunk(offboarding, kind, after)));
		return new Totals((int) totals.done(), (int) totals.skipped());
	}

	/**
	 * One chunk of the open rows after a customer id (rows before it are done, or held by
	 * another run): the customers reassigned (done), those already moved (skipped), and
	 * the last customer id.
	 */
	private ChunkWorkers.Chunk chunk(OffboardingCase offboarding, OwnerChangeKind kind, long after) {
		List<Move> moves = this.jdbc.sql("""
				select customer_id, coalesce(new_owner_id, proposed_owner_id) from handover_item
				where case_id = ? and customer_id > ? and done_at is null
				order by customer_id limit ? for update skip locked""")
			.params(offboarding.id(), after, this.properties.chunkSize())
			.query((rs, row) -> new Move(rs.getLong(1), rs.getLong(2)))
			.list();
		if (moves.isEmpty()) {
			return new ChunkWorkers.Chunk(0, 0, after);
		}
		Long actor = CurrentEmployee.find().map(e -> e.employeeId()).orElse(null);
		List<Holding> moved = this.ownership.reassign(offboarding.employeeId(), moves, kind,
				"offboarding case " + offboarding.id(), actor);
		markDone(offboarding.id(), moves, moved);
		endManagerGrants(offboarding, moves, actor);
		// care schedules the visits after this chunk commits; the publication commits
		// with it
		List<CustomersHandedOver.KeyCustomer> key = moved.stream()
			.filter(h -> KEY.contains(h.level()))
			.map(h -> new CustomersHandedOver.KeyCustomer(h.customerId(), h.ownerId()))
			.toList();
		if (!key.isEmpty()) {
			this.events.publishEvent(new CustomersHandedOver(offboarding.id(), offboarding.source(), key));
		}
		List<AuditEntry> events = new ArrayList<>(moved.size());
		for (Holding h : moved) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("caseId", offboarding.id());
			details.put("from", offboarding.employeeId());
			details.put("to", h.ownerId());
			details.put("kind", kind.name());
			events.add(new AuditEntry(AuditAction.CUSTOMER_REASSIGNED, "customer", h.customerId(), details));
		}
		this.audit.recordAll(events);
		return new ChunkWorkers.Chunk(moved.size(), moves.size() - moved.size(),
				moves.get(moves.size() - 1).customerId());
	}

	/**
	 * Ends the WRITE access the resignation gave the manager on these customers, now
	 * handed over (or moved already): the manager sees them afterwards only as their data
	 * scope or another membership allows, e.g. not once they went to another region.
	 */
	private void endManagerGrants(OffboardingCase offboarding, List<Move> moves, Long actor) {
		Map<String, List<Long>> grants = new HashMap<>();
		this.jdbc.sql("""
				select customer_id, manager_grant from handover_item
				where case_id = ? and customer_id = any(?::bigint[]) and manager_grant is not null""")
			.params(offboarding.id(), moves.stream().map(Move::customerId).toArray(Long[]::new))
			.query(rs -> {
				grants.computeIfAbsent(rs.getString(2), g -> new ArrayList<>()).add(rs.getLong(1));
			});
		if (!grants.isEmpty()) {
			this.portfolios.endTeamGrants(offboarding.managerId(), grants.getOrDefault("ADDED", List.of()),
					grants.getOrDefault("RAISED", List.of()), actor);
		}
	}

	private void markDone(long caseId, List<Move> moves, List<Holding> moved) {
		Set<Long> reassigned = moved.stream().map(Holding::customerId).collect(Collectors.toSet());
		this.jdbc.sql("""
				update handover_item i set done_at = now(), handed_to = case when m.moved then m.owner end,
				       outcome = case when m.moved then 'REASSIGNED' else 'ALREADY_MOVED' end
				from unnest(:ids::bigint[], :owners::bigint[], :moved::boolean[]) as m (id, owner, moved)
				where i.case_id = :case and i.customer_id = m.id""")
			.param("case", caseId)
			.param("ids", moves.stream().map(Move::customerId).toArray(Long[]::new))
			.param("owners", moves.stream().map(Move::newOwnerId).toArray(Long[]::new))
			.param("moved", moves.stream().map(m -> reassigned.contains(m.customerId())).toArray(Boolean[]::new))
			.update();
	}

}
