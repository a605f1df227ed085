package dev.holdfast.risk;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.EmployeePrincipal;

/**
 * What one request of an employee read of customer data: the customers whose records it
 * read (each costs once per request), the rows of lists it showed, and the budget that
 * refused it, if one did. Kept on the request; {@link ReadAudit} records it when the
 * request ends.
 */
final class ReadTally {

	private static final String ATTRIBUTE = ReadTally.class.getName();

	private final long employeeId;

	private final Set<Long> customers = new HashSet<>();

	private int records;

	private int rows;

	private Boolean leaving;

	private ReadBudget refused;

	private ReadTally(long employeeId) {
		this.employeeId = employeeId;
	}

	/**
	 * The tally of the current request, started at its first read; none outside a request
	 * of an employee (a job, a listener): those reads are not metered.
	 */
	static ReadTally ofCurrentRequest() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
			return null;
		}
		EmployeePrincipal employee = CurrentEmployee.find().orElse(null);
		if (employee == null) {
			return null;
		}
		if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof ReadTally tally
				&& tally.employeeId == employee.employeeId()) {
			return tally;
		}
		ReadTally tally = new ReadTally(employee.employeeId());
		request.setAttribute(ATTRIBUTE, tally, RequestAttributes.SCOPE_REQUEST);
		return tally;
	}

	/** Takes the tally off the request (once: an error dispatch finds none). */
	static ReadTally takeFrom(HttpServletRequest request) {
		Object tally = request.getAttribute(ATTRIBUTE);
		request.removeAttribute(ATTRIBUTE);
		return tally instanceof ReadTally found ? found : null;
	}

	long employeeId() {
		return this.employeeId;
	}

	/** Whether this is the request's first read of the customer's data. */
	boolean firstReadOf(long customerId) {
		return this.customers.add(customerId);
	}

	/** A refused read of a customer's data was no read: a later one is the first. */
	void unread(long customerId) {
		this.customers.remove(customerId);
	}

	void counted(ReadBudget budget, int amount) {
		if (budget == ReadBudget.RECORDS) {
			this.records += amount;
		}
		else {
			this.rows += amount;
		}
	}

	void refusedBy(ReadBudget budget) {
		this.refused = budget;
	}

	ReadBudget refused() {
		return this.refused;
	}

	/** Whether the employee serves notice, looked up once per request. */
	boolean leaving(java.util.function.LongPredicate lookUp) {
		if (this.leaving == null) {
			this.leaving = lookUp.test(this.employeeId);
		}
		return this.leaving;
	}

	boolean readAnything() {
		return this.records > 0 || this.rows > 0;
	}

	/** The facts of the audit event: amounts only, no ids of what was read. */
	Map<String, Object> amounts() {
		Map<String, Object> amounts = new LinkedHashMap<>();
		amounts.put("records", this.records);
		amounts.put("rows", this.rows);
		return amounts;
	}

}
