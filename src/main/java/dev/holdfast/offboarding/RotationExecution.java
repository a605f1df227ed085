package dev.holdfast.offboarding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditEntry;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.OwnerCandidates;
import dev.holdfast.customer.OwnerChangeKind;
import dev.holdfast.customer.Ownership;
import dev.holdfast.customer.Portfolios.Holding;
import dev.holdfast.customer.Portfolios.Move;
import dev.holdfast.notification.NotificationText;
import dev.holdfast.notification.Notifications;
import dev.holdfast.shared.CurrentEmployee;

/**
 * Carries out a rotation plan in chunks, one transaction each, like a handover: a chunk
 * takes only open rows (locked, skipping rows another run holds), moves only customers
 * the giving rep still owns, through {@link Ownership} (kind {@code ROTATION}, not
 * counted against the transfer limit), and marks its rows done in the same transaction. A
 * crash leaves every customer with one owner, and the next run (the job) finishes the
 * rest without doing anything twice. Key (A/B) customers get a care visit through
 * {@link CustomersRotated}.
 */
@Component
class RotationExecution {

	private static final Set<CustomerLevel> KEY = Set.of(CustomerLevel.A, CustomerLevel.B);

	static final String NOTICE = "ROTATION_RECEIVED";

	private final JdbcClient jdbc;

	private final Ownership ownership;

	private final OwnerCandidates owners;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Notifications notifications;

	private final TransactionTemplate transactions;

	private final RotationProperties properties;

	RotationExecution(JdbcClient jdbc, Ownership ownership, OwnerCandidates owners, ApplicationEventPublisher events,
			AuditTrail audit, Notifications notifications, TransactionTemplate transactions,
			RotationProperties properties) {
		this.jdbc = jdbc;
		this.ownership = ownership;
		this.owners = owners;
		this.events = events;
		this.audit = audit;
		this.notifications = notifications;
		this.transactions = transactions;
		this.properties = properties;
	}

	/** The reps of a plan being carried out. */
	private record Reps(long from, long to) {
	}

	/**
	 * Carries out the plan if it is due and not finished; returns whether it finished it.
	 */
	boolean run(long planId) {
		Reps reps = this.transactions.execute(status -> start(planId));
		if (reps == null) {
			return false;
		}
		ChunkWorkers.run(1, after -> this.transactions.execute(status -> chunk(planId, reps, after)));
		return Boolean.TRUE.equals(this.transactions.execute(status -> finish(planId, reps)));
	}

	/**
	 * Marks a planned rotation as running; null when there is nothing to do. A receiver
	 * who can no longer own customers (leaving, gone, another job) cancels the plan,
	 * audited.
	 */
	private Reps start(long planId) {
		Reps reps = this.jdbc.sql("""
				select from_employee_id, to_employee_id from rotation_plan
				where id = ? and status in ('PLANNED', 'RUNNING') for update""")
			.param(planId)
			.query((rs, row) -> new Reps(rs.getLong(1), rs.getLong(2)))
			.optional()
			.orElse(null);
		if (reps == null) {
			return null;
		}
		try {
			this.owners.requireOwner(reps.to(), "toEmployeeId");
		}
		catch (RuntimeException refused) {
			this.jdbc.sql("""
					update rotation_plan set status = 'CANCELLED', finished_at = now(),
					       cancel_reason = 'the receiving rep can no longer own customers'
					where id = ?""").param(planId).update();
			this.jdbc
				.sql("update rotation_item set done_at = now(), outcome = 'CANCELLED' where plan_id = ? "
						+ "and done_at is null")
				.param(planId)
				.update();
			this.audit.record(AuditAction.ROTATION_CANCELLED, "rotation_plan", planId, Map.of("receiverRefused", true));
			return null;
		}
		this.jdbc.sql("""
				update rotation_plan set status = 'RUNNING', started_at = coalesce(started_at, now())
				where id = ?""").param(planId).update();
		return reps;
	}

	private ChunkWorkers.Chunk chunk(long planId, Reps reps, long after) {
		List<Move> moves = this.jdbc.sql("""
				select customer_id from rotation_item where plan_id = ? and customer_id > ? and done_at is null
				order by customer_id limit ? for update skip locked""")
			.params(planId, after, this.properties.chunkSize())
			.query((rs, row) -> new Move(rs.getLong(1), reps.to()))
			.list();
		if (moves.isEmpty()) {
			return new ChunkWorkers.Chunk(0, 0, after);
		}
		Long actor = CurrentEmployee.find().map(e -> e.employeeId()).orElse(null);
		List<Holding> moved = this.ownership.reassign(reps.from(), moves, OwnerChangeKind.ROTATION,
				CustomersRotated.sourceOf(planId), actor);
		Set<Long> rotated = moved.stream().map(Holding::customerId).collect(Collectors.toSet());
		this.jdbc
			.sql("""
					update rotation_item i set done_at = now(),
					       outcome = case when i.customer_id = any(:rotated::bigint[]) then 'ROTATED' else 'ALREADY_MOVED' end
					where i.plan_id = :plan and i.customer_id = any(:ids::bigint[])""")
			.param("plan", planId)
			.param("rotated", rotated.toArray(Long[]::new))
			.param("ids", moves.stream().map(Move::customerId).toArray(Long[]::new))
			.update();
		List<CustomersHandedOver.KeyCustomer> key = moved.stream()
			.filter(h -> KEY.contains(h.level()))
			.map(h -> new CustomersHandedOver.KeyCustomer(h.customerId(), h.ownerId()))
			.toList();
		if (!key.isEmpty()) {
			this.events.publishEvent(new CustomersRotated(planId, CustomersRotated.sourceOf(planId), key));
		}
		List<AuditEntry> entries = new ArrayList<>(moved.size());
		for (Holding h : moved) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("rotationId", planId);
			details.put("from", reps.from());
			details.put("to", h.ownerId());
			details.put("kind", OwnerChangeKind.ROTATION.name());
			entries.add(new AuditEntry(AuditAction.CUSTOMER_REASSIGNED, "customer", h.customerId(), details));
		}
		this.audit.recordAll(entries);
		return new ChunkWorkers.Chunk(moved.size(), moves.size() - moved.size(),
				moves.get(moves.size() - 1).customerId());
	}

	/**
	 * Ends a running plan whose customers are all done: audited once, the receiver told.
	 */
	private boolean finish(long planId, Reps reps) {
		List<Long> counts = this.jdbc
			.sql("""
					with done as (
					    update rotation_plan p set status = 'DONE', finished_at = now()
					    where p.id = :plan and p.status = 'RUNNING'
					      and not exists (select 1 from rotation_item i where i.plan_id = p.id and i.done_at is null)
					    returning p.id)
					select (select count(*) from done),
					       (select count(*) from rotation_item i where i.plan_id = :plan and i.outcome = 'ROTATED'),
					       (select count(*) from rotation_item i where i.plan_id = :plan and i.outcome = 'ALREADY_MOVED')""")
			.param("plan", planId)
			.query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
		if (counts.get(0) == 0) {
			return false;
		}
		this.audit.record(AuditAction.ROTATION_EXECUTED, "rotation_plan", planId,
				Map.of("from", reps.from(), "to", reps.to(), "rotated", counts.get(1), "alreadyMoved", counts.get(2)));
		if (counts.get(1) > 0) {
			this.notifications.sendOnce(reps.to(), NOTICE, NotificationText.of("rotation.notice.title", counts.get(1)),
					NotificationText.of("rotation.notice.body"), "/rotations/" + planId);
		}
		return true;
	}

}
