package dev.holdfast.organization;

/**
 * The act was not done but stored for a second administrator's approval: the API answers
 * 202 with the request, a page says it is waiting. Transactions let it through without
 * rolling back, so that the request is kept.
 */
public class ApprovalPendingException extends RuntimeException {

	private final transient ApprovalView request;

	public ApprovalPendingException(ApprovalView request) {
		super("waiting for a second administrator's approval (request " + request.id() + ")");
		this.request = request;
	}

	public ApprovalView request() {
		return this.request;
	}

	/** The API's 202 answer: where the request is, and what it waits for. */
	public org.springframework.http.ResponseEntity<java.util.Map<String, Object>> accepted() {
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("status", "pending_approval");
		body.put("approvalId", this.request.id());
		body.put("action", this.request.action());
		body.put("employeeId", this.request.employeeId());
		body.put("message", getMessage());
		return org.springframework.http.ResponseEntity.accepted()
			.location(java.net.URI.create("/api/v1/admin/approvals/" + this.request.id()))
			.body(body);
	}

}
