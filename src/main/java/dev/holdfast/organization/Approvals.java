package dev.holdfast.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * The second administrator's approval of acts on someone's access: granting or taking a
 * role that reaches customer data, setting the credentials of someone who holds one, and
 * bringing back a departed employee. With four-eyes on (see {@link FourEyes}) such an act
 * is stored as a pending request; another administrator, never the requester, approves it
 * (the act then runs in the approver's transaction, as the approver) or rejects it. Every
 * step is audited.
 */
@Service
public class Approvals {

	private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
	};

	private static final String SELECT = """
			select r.id, r.action, r.employee_id, e.display_name as employee_name, r.requested_by,
			       q.display_name as requester_name, r.requested_at, r.status, r.decided_by,
			       d.display_name as decider_name, r.decided_at, r.note, r.details::text as details
			from approval_request r
			left join employee e on e.id = r.employee_id
			join employee q on q.id = r.requested_by
			left join employee d on d.id = r.decided_by
			""";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final FourEyes fourEyes;

	private final Employees employees;

	private final ObjectProvider<ApprovableAction> actions;

	private final HoldfastClock clock;

	Approvals(JdbcClient jdbc, ObjectMapper json, AuditTrail audit, ApplicationEventPublisher events, FourEyes fourEyes,
			Employees employees, ObjectProvider<ApprovableAction> actions, HoldfastClock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.events = events;
		this.fourEyes = fourEyes;
		this.employees = employees;
		this.actions = actions;
		this.clock = clock;
	}

	/**
	 * Checks that the caller may change an employee's credentials (e.g. reset their
	 * second factor): HR may for someone who holds no role reaching customer data;
	 * otherwise only an administrator, and with four-eyes on only through a request,
	 * which this stores before throwing {@link ApprovalPendingException}. Returns when
	 * the caller may go on.
	 */
	@Transactional(noRollbackFor = ApprovalPendingException.class)
	public void checkCredentialChange(long employeeId, String action) {
		Permission.EMPLOYEE_MANAGE.require();
		Employee employee = this.employees.findById(employeeId).orElseThrow(() -> new NotFoundException("employee"));
		if (employee.holdsReservedRole()) {
			requireAdministrator("only an administrator may change the credentials of someone with access");
			holdIfFourEyes(action, employeeId, Map.of(), Map.of());
		}
	}

	/**
	 * With four-eyes on, stores the act as a request and throws
	 * {@link ApprovalPendingException}; otherwise returns and the caller does it now.
	 */
	void holdIfFourEyes(String action, Long employeeId, Map<String, String> details, Object payload) {
		if (this.fourEyes.required()) {
			throw new ApprovalPendingException(request(action, employeeId, details, payload));
		}
	}

	/**
	 * Asks the administrators to approve an act for the caller (e.g. a larger allowance
	 * of duplicate checks for one of their imports): stored as a pending request about
	 * the caller, whatever four-eyes says, since the caller may not do the act at all.
	 * Another administrator, never the caller, decides it through {@link #approve} or
	 * {@link #reject}; the {@link ApprovableAction} of that name does the act. A
	 * {@code requesterLink} in the payload is where the requester is sent to follow the
	 * outcome.
	 */
	@Transactional
	public ApprovalView ask(String action, Map<String, String> details, Object payload) {
		return request(action, CurrentEmployee.id(), details, payload);
	}

	/** A request the caller asked for (404 for anyone else's, as for none). */
	@Transactional(readOnly = true)
	public ApprovalView asked(long id) {
		ApprovalView request = find(id);
		if (!request.mine()) {
			throw new NotFoundException("approval request");
		}
		return request;
	}

	/** The caller's own requests of one action, newest first (at most 50). */
	@Transactional(readOnly = true)
	public List<ApprovalView> askedFor(String action) {
		return this.jdbc.sql(SELECT + """
				where r.requested_by = :me and r.action = :action
				order by r.requested_at desc, r.id desc limit 50""")
			.param("me", CurrentEmployee.id())
			.param("action", action)
			.query(this::view)
			.list();
	}

	/** Refuses (403) anyone but an administrator, with the reason. */
	static void requireAdministrator(String reason) {
		Permission.ROLE_MANAGE.refuseIfRestricted();
		if (!Permission.ROLE_MANAGE.isHeld()) {
			throw new ForbiddenException(reason);
		}
	}

	private ApprovalView request(String action, Long employeeId, Map<String, String> details, Object payload) {
		long me = CurrentEmployee.id();
		long id = this.jdbc.sql("""
				insert into approval_request (action, employee_id, details, payload, requested_by)
				values (?, ?, cast(? as jsonb), cast(? as jsonb), ?) returning id""")
			.params(action, employeeId, this.json.writeValueAsString(details), this.json.writeValueAsString(payload),
					me)
			.query(Long.class)
			.single();
		this.audit.record(AuditAction.APPROVAL_REQUESTED, "approval_request", id, facts(action, employeeId, details));
		this.events.publishEvent(new ApprovalRequested(id, action, employeeId, me));
		return find(id);
	}

	/** Requests, pending ones first, then the latest decided; for administrators. */
	@Transactional(readOnly = true)
	public List<ApprovalView> list(boolean pendingOnly) {
		Permission.ROLE_MANAGE.require();
		return this.jdbc.sql(SELECT + """
				where (not :pending or r.status = 'PENDING')
				order by r.status = 'PENDING' desc, r.requested_at desc, r.id desc limit 200""")
			.param("pending", pendingOnly)
			.query(this::view)
			.list();
	}

	@Transactional(readOnly = true)
	public ApprovalView request(long id) {
		Permission.ROLE_MANAGE.require();
		return find(id);
	}

	/**
	 * Approves and does the act, as the caller, in this transaction; if the act can't be
	 * done any more (it throws), the request stays pending.
	 */
	@Transactional
	public ApprovalView approve(long id) {
		Pending pending = decidable(id);
		ApprovableAction action = this.actions.orderedStream()
			.filter(a -> a.name().equals(pending.action()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no action " + pending.action()));
		long employeeId = action.perform(pending.employeeId(), pending.payload());
		decide(pending, "APPROVED", employeeId, null);
		return find(id);
	}

	@Transactional
	public ApprovalView reject(long id, String note) {
		Pending pending = decidable(id);
		decide(pending, "REJECTED", pending.employeeId(), note == null || note.isBlank() ? null : note.strip());
		return find(id);
	}

	private record Pending(long id, String action, Long employeeId, long requestedBy, JsonNode payload) {
	}

	/** The request, locked; refused unless pending and asked by someone else. */
	private Pending decidable(long id) {
		Permission.ROLE_MANAGE.require();
		Pending pending = this.jdbc.sql("""
				select id, action, employee_id, requested_by, status, payload::text as payload
				from approval_request where id = ? for update""").param(id).query((rs, row) -> {
			if (!"PENDING".equals(rs.getString("status"))) {
				throw new ConflictException("decided", "this request was decided already");
			}
			return new Pending(rs.getLong("id"), rs.getString("action"), (Long) rs.getObject("employee_id"),
					rs.getLong("requested_by"), this.json.readTree(rs.getString("payload")));
		}).optional().orElseThrow(() -> new NotFoundException("approval request"));
		if (pending.requestedBy() == CurrentEmployee.id()) {
			throw new ForbiddenException("a second administrator must approve this, not the one who asked");
		}
		return pending;
	}

	private void decide(Pending pending, String status, Long employeeId, String note) {
		long me = CurrentEmployee.id();
		this.jdbc.sql("""
				update approval_request set status = ?, decided_by = ?, decided_at = ?, employee_id = ?, note = ?
				where id = ?""")
			.params(status, me, Timestamp.from(this.clock.now()), employeeId, note, pending.id())
			.update();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("action", pending.action());
		facts.put("employeeId", String.valueOf(employeeId));
		facts.put("requestedBy", pending.requestedBy());
		this.audit.record("APPROVED".equals(status) ? AuditAction.APPROVAL_APPROVED : AuditAction.APPROVAL_REJECTED,
				"approval_request", pending.id(), facts);
		JsonNode link = pending.payload() == null ? null : pending.payload().get("requesterLink");
		this.events.publishEvent(new ApprovalDecided(pending.id(), pending.action(), employeeId, pending.requestedBy(),
				me, status.equals("APPROVED"), link == null || !link.isString() ? null : link.asString()));
	}

	private ApprovalView find(long id) {
		return this.jdbc.sql(SELECT + " where r.id = ?")
			.param(id)
			.query(this::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("approval request"));
	}

	private ApprovalView view(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		long requestedBy = rs.getLong("requested_by");
		return new ApprovalView(rs.getLong("id"), rs.getString("action"), (Long) rs.getObject("employee_id"),
				rs.getString("employee_name"), requestedBy, rs.getString("requester_name"),
				rs.getTimestamp("requested_at").toInstant(), rs.getString("status"), (Long) rs.getObject("decided_by"),
				rs.getString("decider_name"), decided == null ? null : decided.toInstant(), rs.getString("note"),
				this.json.readValue(rs.getString("details"), DETAILS),
				CurrentEmployee.find().map(e -> e.employeeId() == requestedBy).orElse(false));
	}

	/** The details less names: audit events hold ids and facts. */
	private static Map<String, Object> facts(String action, Long employeeId, Map<String, String> details) {
		Map<String, Object> facts = new LinkedHashMap<>(details);
		facts.keySet().removeAll(java.util.Set.of("username", "displayName"));
		facts.put("action", action);
		facts.put("employeeId", String.valueOf(employeeId));
		return facts;
	}

}
