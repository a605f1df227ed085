package dev.holdfast.offboarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.Permission;

/**
 * The handover record of an employee's departures, for the evidence package (holders of
 * {@code evidence.build}): each case with its plan (who received which customer, and
 * when), the leaver's notes as written, and the company's checklist with who ticked each
 * item. The notes are free text as the leaver wrote them: the package masks contact data
 * in them.
 */
@Service
public class HandoverRecords {

	private final Cases cases;

	private final CompanyChecklist checklist;

	private final JdbcClient jdbc;

	HandoverRecords(Cases cases, CompanyChecklist checklist, JdbcClient jdbc) {
		this.cases = cases;
		this.checklist = checklist;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<CaseRecord> of(long employeeId) {
		Permission.EVIDENCE_BUILD.require();
		return this.cases.ofEmployee(employeeId)
			.stream()
			.map(c -> new CaseRecord(c.id(), c.status().name(), c.noticeDate(), c.lastWorkingDay(), c.reason(),
					c.createdAt(), c.handoverStartedAt(), c.handoverFinishedAt(), c.departedAt(), c.closedAt(),
					items(c.id()), notes(c.id()), this.checklist.of(c)))
			.toList();
	}

	private List<Item> items(long caseId) {
		return this.jdbc.sql("""
				select i.customer_id, c.name, c.level, p.display_name as proposed, i.proposal_reason,
				       t.display_name as handed_to, i.done_at, i.outcome
				from handover_item i
				join customer_directory c on c.id = i.customer_id
				join employee_directory p on p.id = i.proposed_owner_id
				left join employee_directory t on t.id = coalesce(i.handed_to, i.new_owner_id)
				where i.case_id = ? order by i.done_at nulls last, c.name, i.customer_id""")
			.param(caseId)
			.query((rs, n) -> new Item(rs.getLong("customer_id"), rs.getString("name"), rs.getString("level"),
					rs.getString("proposed"), rs.getString("proposal_reason"), rs.getString("handed_to"),
					rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant(),
					rs.getString("outcome")))
			.list();
	}

	private List<Note> notes(long caseId) {
		return this.jdbc.sql("""
				select n.customer_id, c.name, n.key_contacts, n.promises, n.open_issues, n.next_step,
				       e.display_name, n.written_at, n.updated_at, n.version + 1 as revisions
				from handover_note n
				join customer_directory c on c.id = n.customer_id
				join employee_directory e on e.id = n.written_by
				where n.case_id = ? order by c.name, n.customer_id""")
			.param(caseId)
			.query((rs, n) -> new Note(rs.getLong("customer_id"), rs.getString("name"), rs.getString("key_contacts"),
					rs.getString("promises"), rs.getString("open_issues"), rs.getString("next_step"),
					rs.getString("display_name"), rs.getTimestamp("written_at").toInstant(),
					rs.getTimestamp("updated_at").toInstant(), rs.getLong("revisions")))
			.list();
	}

	/** One offboarding case of the employee, as it stands. */
	public record CaseRecord(long caseId, String status, LocalDate noticeDate, LocalDate lastWorkingDay, String reason,
			Instant openedAt, Instant handoverStartedAt, Instant handoverFinishedAt, Instant departedAt,
			Instant closedAt, List<Item> items, List<Note> notes, List<CompanyCheck> checklist) {
	}

	/**
	 * A customer of the plan: proposed to whom and why, handed to whom (or planned for),
	 * when.
	 */
	public record Item(long customerId, String customerName, String level, String proposedTo, String reason,
			String handedTo, Instant doneAt, String outcome) {
	}

	/** The leaver's handover note on a customer, as it reads now. */
	public record Note(long customerId, String customerName, String keyContacts, String promises, String openIssues,
			String nextStep, String writtenBy, Instant writtenAt, Instant updatedAt, long revisions) {
	}

}
