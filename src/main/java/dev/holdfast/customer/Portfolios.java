package dev.holdfast.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole portfolios at once, for offboarding and care visits: the customers an employee
 * owns and the teams they are on. Moving them to new owners is {@link Ownership}'s. These
 * methods do not ask {@link CustomerVisibility}: their callers have checked that the
 * current employee may run the offboarding case or care visit they serve, and they return
 * ids, names and levels only, never contact data.
 */
@Service
public class Portfolios {

	private final JdbcClient jdbc;

	Portfolios(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A customer in someone's portfolio, as a handover plan shows it. */
	public record Holding(long customerId, String name, CustomerLevel level, boolean archived, Long ownerId) {
	}

	/** One customer to move to a new owner. */
	public record Move(long customerId, long newOwnerId) {
	}

	/** A team membership an employee holds. */
	public record Membership(long customerId, String customerName, MemberAccess access, Instant expiresAt) {
	}

	/**
	 * The customers an owner has (archived ones too: they must not be left ownerless), by
	 * id after {@code afterId}, at most {@code limit}: a keyset page, so that portfolios
	 * of any size are read in constant memory.
	 */
	@Transactional(readOnly = true)
	public List<Holding> ownedBy(long ownerId, long afterId, int limit) {
		return this.jdbc.sql("""
				select id, name, level, archived_at is not null as archived, owner_id from customer
				where owner_id = ? and id > ? order by id limit ?""")
			.params(ownerId, afterId, limit)
			.query(Portfolios::holding)
			.list();
	}

	/** Names, levels and owners of the given customers. */
	@Transactional(readOnly = true)
	public Map<Long, Holding> describe(Collection<Long> customerIds) {
		Map<Long, Holding> found = new HashMap<>();
		if (!customerIds.isEmpty()) {
			this.jdbc
				.sql("select id, name, level, archived_at is not null as archived, owner_id from customer"
						+ " where id in (:ids) and canary_owner_id is null")
				.param("ids", customerIds)
				.query(Portfolios::holding)
				.list()
				.forEach(h -> found.put(h.customerId(), h));
		}
		return found;
	}

	/**
	 * For each customer, the active WRITE team member who joined first, among ACTIVE
	 * employees other than {@code excluded}.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> writeMembers(Collection<Long> customerIds, long excluded) {
		Map<Long, Long> found = new HashMap<>();
		if (customerIds.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				select distinct on (m.customer_id) m.customer_id, m.employee_id
				from customer_member m join employee_directory e on e.id = m.employee_id and e.status = 'ACTIVE'
				where m.customer_id in (:ids) and m.employee_id <> :excluded and m.access = 'WRITE'
				  and m.removed_at is null and (m.expires_at is null or m.expires_at > now())
				order by m.customer_id, m.added_at, m.id""")
			.param("ids", customerIds)
			.param("excluded", excluded)
			.query(rs -> {
				found.put(rs.getLong(1), rs.getLong(2));
			});
		return found;
	}

	/** How many customers (not archived) each of the employees owns. */
	@Transactional(readOnly = true)
	public Map<Long, Long> customerCounts(Collection<Long> employeeIds) {
		Map<Long, Long> counts = new HashMap<>();
		employeeIds.forEach(id -> counts.put(id, 0L));
		if (!employeeIds.isEmpty()) {
			this.jdbc.sql("""
					select owner_id, count(*) from customer
					where owner_id in (:ids) and archived_at is null group by owner_id""")
				.param("ids", employeeIds)
				.query(rs -> {
					counts.put(rs.getLong(1), rs.getLong(2));
				});
		}
		return counts;
	}

	/** The teams an employee joined: the customers added to and those raised to WRITE. */
	public record TeamsJoined(List<Long> added, List<Long> raised) {

		public int count() {
			return this.added.size() + this.raised.size();
		}

	}

	/**
	 * Puts {@code memberId} on the team of every customer {@code ownerId} owns with the
	 * given access, raising a READ membership to WRITE. Returns which teams changed, so
	 * that the grant can end again ({@link #endTeamGrants}).
	 */
	@Transactional
	public TeamsJoined joinAllTeamsOf(long ownerId, long memberId, MemberAccess access, Long by) {
		List<Long> raised = this.jdbc.sql("""
				update customer_member m set access = :access
				from customer c
				where c.owner_id = :owner and m.customer_id = c.id and m.employee_id = :member
				  and m.removed_at is null and m.access <> :access and :access = 'WRITE'
				returning m.customer_id""")
			.param("access", access.name())
			.param("owner", ownerId)
			.param("member", memberId)
			.query(Long.class)
			.list();
		List<Long> added = this.jdbc.sql("""
				insert into customer_member (customer_id, employee_id, access, added_by)
				select c.id, :member, :access, :by from customer c
				where c.owner_id = :owner
				on conflict (customer_id, employee_id) where removed_at is null do nothing
				returning customer_id""")
			.param("access", access.name())
			.param("owner", ownerId)
			.param("member", memberId)
			.param("by", by)
			.query(Long.class)
			.list();
		return new TeamsJoined(added, raised);
	}

	/**
	 * Ends the WRITE grants {@link #joinAllTeamsOf} gave the employee on these customers:
	 * an added membership ends (kept in the team's history), a raised one is READ again.
	 * Returns how many changed.
	 */
	@Transactional
	public int endTeamGrants(long memberId, Collection<Long> added, Collection<Long> raised, Long by) {
		int changed = 0;
		if (!added.isEmpty()) {
			changed += this.jdbc
				.sql("""
						update customer_member set removed_at = now(), removed_by = :by
						where employee_id = :member and customer_id in (:ids) and removed_at is null and access = 'WRITE'""")
				.param("by", by)
				.param("member", memberId)
				.param("ids", added)
				.update();
		}
		if (!raised.isEmpty()) {
			changed += this.jdbc
				.sql("""
						update customer_member set access = 'READ'
						where employee_id = :member and customer_id in (:ids) and removed_at is null and access = 'WRITE'""")
				.param("member", memberId)
				.param("ids", raised)
				.update();
		}
		return changed;
	}

	/**
	 * Adds each employee to one customer's team with READ access until a time, unless
	 * they are on it already: how customer service gets to see a customer it visits.
	 */
	@Transactional
	public void grantReadUntil(Map<Long, Long> employeeByCustomer, Instant until, Long by) {
		if (employeeByCustomer.isEmpty()) {
			return;
		}
		List<Map.Entry<Long, Long>> grants = List.copyOf(employeeByCustomer.entrySet());
		Long[] customers = grants.stream().map(Map.Entry::getKey).toArray(Long[]::new);
		Long[] employees = grants.stream().map(Map.Entry::getValue).toArray(Long[]::new);
		// an expired membership (e.g. of an earlier care visit) ends, so that a new one
		// can
		// start and the history still shows both
		this.jdbc.sql("""
				update customer_member m set removed_at = now(), removed_by = :by
				from unnest(:customers::bigint[], :employees::bigint[]) as g (customer, employee)
				where m.customer_id = g.customer and m.employee_id = g.employee and m.removed_at is null
				  and m.expires_at <= now()""")
			.param("customers", customers)
			.param("employees", employees)
			.param("by", by)
			.update();
		// a running READ membership that would end sooner is extended; WRITE or unlimited
		// ones stay as they are
		this.jdbc.sql("""
				insert into customer_member (customer_id, employee_id, access, expires_at, added_by)
				select c.id, g.employee, 'READ', :until, :by
				from unnest(:customers::bigint[], :employees::bigint[]) as g (customer, employee)
				join customer c on c.id = g.customer and c.owner_id is distinct from g.employee
				on conflict (customer_id, employee_id) where removed_at is null do update
				set expires_at = excluded.expires_at
				where customer_member.access = 'READ' and customer_member.expires_at < excluded.expires_at""")
			.param("customers", customers)
			.param("employees", employees)
			.param("until", Timestamp.from(until))
			.param("by", by)
			.update();
	}

	/** A READ access care gave an employee on a customer, at most until a time. */
	public record ReadGrant(long customerId, long employeeId, Instant until) {
	}

	/**
	 * Ends each employee's time-limited READ membership of the customer if it ends no
	 * later than the grant's {@code until}: how customer service stops seeing a customer
	 * whose visit was superseded. A WRITE, unlimited or longer membership (given for
	 * another reason) stays. Returns how many ended.
	 */
	@Transactional
	public int endReadGrants(List<ReadGrant> grants, Long by) {
		if (grants.isEmpty()) {
			return 0;
		}
		return this.jdbc
			.sql("""
					update customer_member m set removed_at = now(), removed_by = :by
					from unnest(:customers::bigint[], :employees::bigint[], :untils::timestamptz[]) as g (customer, employee, until)
					where m.customer_id = g.customer and m.employee_id = g.employee and m.removed_at is null
					  and m.access = 'READ' and m.expires_at is not null and m.expires_at <= g.until""")
			.param("customers", grants.stream().map(ReadGrant::customerId).toArray(Long[]::new))
			.param("employees", grants.stream().map(ReadGrant::employeeId).toArray(Long[]::new))
			.param("untils", grants.stream().map(g -> Timestamp.from(g.until())).toArray(Timestamp[]::new))
			.param("by", by)
			.update();
	}

	/** The team memberships an employee holds now. */
	@Transactional(readOnly = true)
	public List<Membership> membershipsOf(long employeeId) {
		return this.jdbc.sql("""
				select m.customer_id, c.name, m.access, m.expires_at from customer_member m
				join customer c on c.id = m.customer_id
				where m.employee_id = ? and m.removed_at is null and (m.expires_at is null or m.expires_at > now())
				order by c.name""")
			.param(employeeId)
			.query((rs, row) -> new Membership(rs.getLong(1), rs.getString(2), MemberAccess.valueOf(rs.getString(3)),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** Ends every team membership the employee holds; returns the customers' ids. */
	@Transactional
	public List<Long> leaveAllTeams(long employeeId, Long by) {
		return this.jdbc.sql("""
				update customer_member set removed_at = now(), removed_by = ?
				where employee_id = ? and removed_at is null returning customer_id""")
			.params(by, employeeId)
			.query(Long.class)
			.list();
	}

	static Holding holding(ResultSet rs, int row) throws SQLException {
		long owner = rs.getLong("owner_id");
		Long ownerId = rs.wasNull() ? null : owner;
		return new Holding(rs.getLong("id"), rs.getString("name"), CustomerLevel.valueOf(rs.getString("level")),
				rs.getBoolean("archived"), ownerId);
	}

}
