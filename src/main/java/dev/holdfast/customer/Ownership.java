package dev.holdfast.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.Portfolios.Holding;
import dev.holdfast.customer.Portfolios.Move;
import dev.holdfast.customer.transfer.OldOwnerAccess;
import dev.holdfast.customer.transfer.TransferForm;
import dev.holdfast.customer.transfer.TransferLimit;

/**
 * The one writer of a customer's owner (issue 12): every change of {@code owner_id} and
 * every row of the ownership history is written here, whether a rep claims from the pool,
 * the pool takes a customer back, a handover moves a leaver's portfolio or a manager
 * transfers. Each move changes the owner and the version (so that an edit loaded before
 * fails instead of putting the old owner back), records old owner, new owner, actor,
 * reason and kind, and ends the new owner's own team membership (an owner is on the team
 * already); a release keeps the team as it is. Every move is conditional on the owner the
 * caller expects, so of two concurrent moves exactly one wins. The callers have checked
 * visibility and permissions; this class checks neither.
 */
@Service
public class Ownership {

	private static final Set<OwnerChangeKind> FROM_POOL = Set.of(OwnerChangeKind.CLAIM, OwnerChangeKind.POOL_ASSIGN);

	private final JdbcClient jdbc;

	private final TransferLimit limit;

	private final TeamMembers members;

	private final Customers customers;

	Ownership(JdbcClient jdbc, TransferLimit limit, TeamMembers members, Customers customers) {
		this.jdbc = jdbc;
		this.limit = limit;
		this.members = members;
		this.customers = customers;
	}

	/** A customer to return to the pool, with the owner it must still have. */
	public record Release(long customerId, long ownerId) {
	}

	/** A customer returned to the pool, with its previous owner and level. */
	public record Released(long customerId, long previousOwnerId, CustomerLevel level) {
	}

	/** A customer's owner (null in the pool) and whether it is archived. */
	public record OwnerState(Long ownerId, boolean archived) {
	}

	/**
	 * Gives an ownerless customer (not archived, not a personal canary) to a new owner,
	 * as a claim or a manager's assignment from the pool; false if it has an owner by
	 * now.
	 */
	@Transactional
	public boolean claim(long customerId, long newOwnerId, OwnerChangeKind kind, String reason, long by) {
		if (!FROM_POOL.contains(kind)) {
			throw new IllegalArgumentException("a claim is a CLAIM or a POOL_ASSIGN, not " + kind);
		}
		return this.jdbc
			.sql("""
					with taken as (
					    update customer set owner_id = :owner, version = version + 1, updated_at = now(), updated_by = :by
					    where id = :id and owner_id is null and archived_at is null and canary_owner_id is null
					    returning id),
					history as (
					    insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_by, reason, kind)
					    select id, null, :owner, :by, :reason, :kind from taken),
					joined as (
					    update customer_member m set removed_at = now(), removed_by = :by
					    from taken where m.customer_id = taken.id and m.employee_id = :owner and m.removed_at is null)
					select count(*) from taken""")
			.param("id", customerId)
			.param("owner", newOwnerId)
			.param("by", by)
			.param("reason", reason)
			.param("kind", kind.name())
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * Takes a customer from its owner into the pool (the team stays as it is); false if
	 * someone else owns it by now.
	 */
	@Transactional
	public boolean release(long customerId, long ownerId, String reason, long by) {
		return releaseAll(List.of(new Release(customerId, ownerId)), null, reason, by).size() == 1;
	}

	/**
	 * Takes many customers into the pool in one statement, as the nightly rules do: each
	 * only if it still has the expected owner. {@code at} dates the history rows (now
	 * when null), {@code by} is null for the rules. Returns the customers released.
	 */
	@Transactional
	public List<Released> releaseAll(List<Release> releases, Instant at, String reason, Long by) {
		if (releases.isEmpty()) {
			return List.of();
		}
		Long[] ids = releases.stream().map(Release::customerId).toArray(Long[]::new);
		Long[] owners = releases.stream().map(Release::ownerId).toArray(Long[]::new);
		return this.jdbc.sql("""
				with r as (select * from unnest(:ids::bigint[], :owners::bigint[]) as r (id, owner)),
				moved as (
				    update customer c set owner_id = null, version = c.version + 1, updated_at = now(), updated_by = :by
				    from r where c.id = r.id and c.owner_id = r.owner
				    returning c.id, r.owner, c.level),
				history as (
				    insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_at, changed_by,
				                                        reason, kind)
				    select id, owner, null, coalesce(:at::timestamptz, now()), :by, :reason, 'POOL_RETURN' from moved)
				select id, owner, level from moved""")
			.param("ids", ids)
			.param("owners", owners)
			.param("at", at == null ? null : Timestamp.from(at))
			.param("by", by)
			.param("reason", reason)
			.query((rs, row) -> new Released(rs.getLong(1), rs.getLong(2), CustomerLevel.valueOf(rs.getString(3))))
			.list();
	}

	/**
	 * Moves customers that {@code from} still owns to their new owners in one statement,
	 * as a handover or a departure does; customers someone else owns by now are left
	 * alone. Returns the customers moved, with their levels.
	 */
	@Transactional
	public List<Holding> reassign(long from, List<Move> moves, OwnerChangeKind kind, String reason, Long by) {
		if (moves.isEmpty()) {
			return List.of();
		}
		Long[] ids = moves.stream().map(Move::customerId).toArray(Long[]::new);
		Long[] owners = moves.stream().map(Move::newOwnerId).toArray(Long[]::new);
		return this.jdbc
			.sql("""
					with m as (select * from unnest(:ids::bigint[], :owners::bigint[]) as m (id, owner)),
					moved as (
					    update customer c set owner_id = m.owner, version = c.version + 1, updated_at = now(),
					                          updated_by = :by
					    from m where c.id = m.id and c.owner_id = :from
					    returning c.id, c.name, c.level, c.archived_at is not null as archived, c.owner_id),
					history as (
					    insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_by, reason, kind)
					    select id, :from, owner_id, :by, :reason, :kind from moved),
					joined as (
					    update customer_member cm set removed_at = now(), removed_by = :by
					    from moved where cm.customer_id = moved.id and cm.employee_id = moved.owner_id
					      and cm.removed_at is null)
					select * from moved""")
			.param("ids", ids)
			.param("owners", owners)
			.param("from", from)
			.param("by", by)
			.param("reason", reason)
			.param("kind", kind.name())
			.query(Portfolios::holding)
			.list();
	}

	/**
	 * The customer's owner, its row locked until the transaction ends, so that a check on
	 * it still holds when the caller moves the customer; empty for a missing customer.
	 */
	@Transactional
	public Optional<OwnerState> lockOwner(long customerId) {
		return ownerState(customerId, " for update");
	}

	/**
	 * The customer's owner (null: the pool) and whether it is archived, as they are now,
	 * without a lock: for a page that asks whether an action would be allowed.
	 */
	@Transactional(readOnly = true)
	public Optional<OwnerState> ownerState(long customerId) {
		return ownerState(customerId, "");
	}

	private Optional<OwnerState> ownerState(long customerId, String lock) {
		return this.jdbc.sql("select owner_id, archived_at is not null from customer where id = ?" + lock)
			.param(customerId)
			.query((rs, row) -> new OwnerState(rs.getObject(1, Long.class), rs.getBoolean(2)))
			.optional();
	}

	/** How many customers (not archived) the employee owns. */
	@Transactional(readOnly = true)
	public long ownedCount(long employeeId) {
		return this.jdbc.sql("select count(*) from customer where owner_id = ? and archived_at is null")
			.param(employeeId)
			.query(Long.class)
			.single();
	}

	/**
	 * The changes of a customer's owner, newest first, without the first row of one
	 * brought in (its history says so already); a reason only where a person wrote it.
	 */
	List<OwnerChangeView> changesOf(long customerId) {
		return this.jdbc.sql("""
				select id, kind, old_owner_id, new_owner_id, changed_at, changed_by,
				       case when kind = 'TRANSFER' or (kind = 'POOL_RETURN' and changed_by is not null) then reason end
				from customer_owner_history
				where customer_id = ? and kind <> 'IMPORTED'
				order by changed_at desc, id desc""")
			.param(customerId)
			.query((rs, row) -> new OwnerChangeView(rs.getLong(1), OwnerChangeKind.valueOf(rs.getString(2)),
					rs.getObject(3, Long.class), null, rs.getObject(4, Long.class), null,
					rs.getTimestamp(5).toInstant(), rs.getObject(6, Long.class), null, rs.getString(7), false))
			.list();
	}

	/** How many customers the employee has received by changes of this kind since. */
	@Transactional(readOnly = true)
	public long receivedSince(long employeeId, OwnerChangeKind kind, Instant since) {
		return this.jdbc.sql("""
				select count(*) from customer_owner_history
				where new_owner_id = ? and kind = ? and changed_at >= ?""")
			.params(employeeId, kind.name(), Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/** When the employee last lost the customer by a change of this kind. */
	@Transactional(readOnly = true)
	public Optional<Instant> lastLost(long customerId, long employeeId, OwnerChangeKind kind) {
		return this.jdbc.sql("""
				select changed_at from customer_owner_history
				where customer_id = ? and old_owner_id = ? and kind = ?
				order by changed_at desc limit 1""")
			.params(customerId, employeeId, kind.name())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/**
	 * A customer brought in, its first owner (null: none, the pool's) and its first day.
	 */
	record Began(long customerId, Long ownerId, Instant since) {
	}

	/**
	 * The first row of the ownership history of customers brought in, dated the day each
	 * began ({@link OwnerChangeKind#IMPORTED}), in one statement; nothing is moved, so
	 * the transfer limit does not count it.
	 */
	void recordBegun(List<Began> customers, long by, String reason) {
		this.jdbc.sql("""
				insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_at, changed_by,
				                                    kind, reason)
				select b.id, null, b.owner, b.since, :by, :kind, :reason
				from unnest(:ids::bigint[], :owners::bigint[], :since::timestamptz[]) as b (id, owner, since)""")
			.param("ids", customers.stream().map(Began::customerId).toArray(Long[]::new))
			.param("owners", customers.stream().map(Began::ownerId).toArray(Long[]::new))
			.param("since", customers.stream().map(b -> b.since().toString()).toArray(String[]::new))
			.param("by", by)
			.param("kind", OwnerChangeKind.IMPORTED.name())
			.param("reason", reason)
			.update();
	}

	/**
	 * Records a change of owner that the caller makes on the loaded entity (creation, an
	 * edit, a restore). An edit or transfer is refused (409 {@code transfer_limit}) when
	 * the customer has changed hands too often lately.
	 */
	void recordChange(long customerId, Long oldOwner, Long newOwner, long by, OwnerChangeKind kind, String reason) {
		if (kind.counted()) {
			this.limit.require(customerId);
		}
		this.jdbc.sql("""
				insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_by, kind, reason)
				values (?, ?, ?, ?, ?, ?)""").params(customerId, oldOwner, newOwner, by, kind.name(), reason).update();
	}

	/**
	 * Gives the loaded customer a new owner for an edit or a restore, with its history
	 * row; the caller saves the entity, which raises the version.
	 */
	void change(Customer customer, Long newOwner, OwnerChangeKind kind, String reason, long by) {
		recordChange(customer.getId(), customer.getOwnerId(), newOwner, by, kind, reason);
		customer.assignTo(newOwner);
	}

	/**
	 * A transfer while employed: history, owner and version, the new owner's own
	 * membership ends, and the old owner stays on the team as the form says or leaves it.
	 */
	public Customer transfer(Customer customer, TransferForm form, long by) {
		Customer.requireTransferable(customer);
		long id = customer.getId();
		Long oldOwner = customer.getOwnerId();
		change(customer, form.newOwnerId(), OwnerChangeKind.TRANSFER, form.reason(), by);
		customer.touch(by);
		Customer saved = this.customers.saveAndFlush(customer);
		this.members.remove(id, form.newOwnerId(), by);
		if (oldOwner != null && form.oldOwnerAccess() == OldOwnerAccess.NONE) {
			this.members.remove(id, oldOwner, by);
		}
		else if (oldOwner != null) {
			this.members.put(id, oldOwner, new MemberForm(form.oldOwnerAccess().asMember(), form.accessExpiresAt()),
					by);
		}
		return saved;
	}

}
