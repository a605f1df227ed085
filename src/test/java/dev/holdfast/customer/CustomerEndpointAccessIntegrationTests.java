package dev.holdfast.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.Multipart;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.CustomerWithHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code /api/v1} endpoint, called by someone who must not reach it. Endpoints on
 * customer data must answer an outsider 404, exactly as for a record that does not exist;
 * the others must refuse a sales rep with 403. A new endpoint without a case here fails
 * {@link #everyEndpointHasAnAccessCase()}.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class CustomerEndpointAccessIntegrationTests {

	private static final long MISSING = 987_654_321L;

	/**
	 * A customer-data endpoint: how to call it for a customer (or contact, follow-up) id;
	 * a body that names ids is a {@code Function<Ids, Object>}.
	 */
	record Case(String method, Function<Ids, String> path, Object body) {

		@SuppressWarnings("unchecked")
		String json(Ids ids) {
			Object resolved = this.body instanceof Function<?, ?> of ? ((Function<Ids, Object>) of).apply(ids)
					: this.body;
			return CustomerEndpointAccessIntegrationTests.json(resolved);
		}

	}

	record Ids(long customer, long contact, long followUp, long employee) {
	}

	private static final Map<String, Case> CUSTOMER_DATA = new LinkedHashMap<>();

	/**
	 * A photo on the known customer's follow-up (set up below): the attachment endpoints'
	 * real id.
	 */
	private static long attachmentId;

	/**
	 * Endpoints that are not about one customer: the role that must be refused (403) is
	 * SALES.
	 */
	private static final Map<String, Case> ORGANIZATION_DATA = new LinkedHashMap<>();

	/** Endpoints every authenticated caller may use, with the reason. */
	private static final Map<String, String> OPEN_TO_ALL = Map.ofEntries(
			Map.entry("POST /api/v1/auth/token", "logging in"),
			Map.entry("DELETE /api/v1/auth/token", "revokes the caller's own token"),
			Map.entry("GET /api/v1/me", "the caller's own account"),
			Map.entry("GET /api/v1/customers", "lists only visible customers: CustomerVisibilityIntegrationTests"),
			Map.entry("POST /api/v1/customers", "creates a customer the caller owns"),
			Map.entry("GET /api/v1/me/two-factor", "the caller's own second factor"),
			Map.entry("POST /api/v1/me/two-factor", "enrols the caller's own second factor"),
			Map.entry("POST /api/v1/me/two-factor/confirm", "confirms the caller's own second factor"),
			Map.entry("GET /api/v1/me/sessions", "the caller's own logins"),
			Map.entry("DELETE /api/v1/me/sessions/{id}",
					"ends one of the caller's own logins: SessionsIntegrationTests"),
			Map.entry("GET /api/v1/complaints",
					"lists only complaints on visible customers: ComplaintsIntegrationTests"),
			Map.entry("GET /api/v1/follow-up-templates", "templates are forms, no customer data"),
			Map.entry("GET /api/v1/follow-up-templates/{id}", "templates are forms, no customer data"),
			Map.entry("GET /api/v1/reminders", "the caller's own customers only: ReminderIntegrationTests"),
			Map.entry("GET /api/v1/notifications", "the caller's own notifications"),
			Map.entry("POST /api/v1/notifications/{id}/read",
					"another's notification answers 404: NotificationIntegrationTests"),
			Map.entry("GET /api/v1/me/agreements", "the caller's own agreements"),
			Map.entry("POST /api/v1/me/agreements/{versionId}/accept",
					"only a version the caller's roles require: AgreementGateIntegrationTests"),
			Map.entry("GET /api/v1/me/agreements/{versionId}/text",
					"only a version the caller accepted: AgreementGateIntegrationTests"),
			Map.entry("GET /api/v1/rotations",
					"only plans the caller manages or is a rep of: RotationIntegrationTests"),
			Map.entry("GET /api/v1/rotations/{id}",
					"another's plan answers 404, and only visible customers are shown: RotationIntegrationTests"));

	/**
	 * Endpoints on offboarding cases, handover tasks and care visits: their outsider
	 * cases are in {@code OffboardingEndpointAccessIntegrationTests}, which needs a case
	 * to exist.
	 */
	public static final Set<String> OFFBOARDING = Set.of("GET /api/v1/offboarding", "GET /api/v1/offboarding/{caseId}",
			"GET /api/v1/offboarding/{caseId}/agreement-terms", "GET /api/v1/offboarding/{caseId}/plan",
			"PATCH /api/v1/offboarding/{caseId}/plan", "GET /api/v1/offboarding/{caseId}/notes/{customerId}",
			"GET /api/v1/offboarding/{caseId}/notes/{customerId}/versions",
			"PUT /api/v1/offboarding/{caseId}/notes/{customerId}", "POST /api/v1/offboarding/{caseId}/handover",
			"POST /api/v1/offboarding/{caseId}/terminate", "GET /api/v1/handover-tasks",
			"POST /api/v1/handover-tasks/{id}/done", "GET /api/v1/care-visits", "POST /api/v1/care-visits/{id}/outcome",
			// the company's departure checklist on a case (issue 15, item 3)
			"GET /api/v1/offboarding/{caseId}/checklist", "POST /api/v1/offboarding/{caseId}/checklist/{itemId}",
			"DELETE /api/v1/offboarding/{caseId}/checklist/{itemId}", "POST /api/v1/offboarding/{caseId}/close");

	/**
	 * Endpoints on one complaint: their outsider cases (a peer rep and customer service
	 * not serving the customer get 404) are in {@code ComplaintsIntegrationTests}, which
	 * needs a complaint to exist.
	 */
	public static final Set<String> COMPLAINTS = Set.of("GET /api/v1/complaints/{id}",
			"POST /api/v1/complaints/{id}/transitions");

	/**
	 * The know-how library: company know-how with no customer data left in it, read by
	 * everyone who records follow-ups (KnowHowIntegrationTests).
	 */
	private static final Map<String, String> KNOW_HOW_READERS = Map.of("GET /api/v1/know-how",
			"redacted copies only: KnowHowIntegrationTests", "GET /api/v1/know-how/{id}",
			"redacted copies only: KnowHowIntegrationTests");

	/**
	 * Pool endpoints that list what the caller may see (pools of their departments, their
	 * own warnings): {@code PoolVisibilityIntegrationTests} shows another region's rep
	 * gets nothing.
	 */
	public static final Set<String> POOL = Set.of("GET /api/v1/pool/customers", "GET /api/v1/pool/warnings");

	static {
		Map<String, Object> patch = Map.of("level", "B", "version", 0);
		CUSTOMER_DATA.put("GET /api/v1/customers/{id}",
				new Case("GET", ids -> "/api/v1/customers/" + ids.customer(), null));
		CUSTOMER_DATA.put("PATCH /api/v1/customers/{id}",
				new Case("PATCH", ids -> "/api/v1/customers/" + ids.customer(), patch));
		CUSTOMER_DATA.put("POST /api/v1/customers/{id}/archive",
				new Case("POST", ids -> "/api/v1/customers/" + ids.customer() + "/archive", Map.of()));
		CUSTOMER_DATA.put("POST /api/v1/customers/{id}/transfer",
				new Case("POST", ids -> "/api/v1/customers/" + ids.customer() + "/transfer", Map.of("newOwnerId", 1)));
		// not about one customer, but names customers: one the caller can't see answers
		// 404
		CUSTOMER_DATA.put("POST /api/v1/customers/transfer", new Case("POST", ids -> "/api/v1/customers/transfer",
				(Function<Ids, Object>) ids -> Map.of("customerIds", List.of(ids.customer()), "newOwnerId", 1)));
		CUSTOMER_DATA.put("GET /api/v1/customers/{id}/history",
				new Case("GET", ids -> "/api/v1/customers/" + ids.customer() + "/history", null));
		CUSTOMER_DATA.put("GET /api/v1/customers/{id}/history/owners",
				new Case("GET", ids -> "/api/v1/customers/" + ids.customer() + "/history/owners", null));
		CUSTOMER_DATA.put("GET /api/v1/customers/{id}/history/brought-in",
				new Case("GET", ids -> "/api/v1/customers/" + ids.customer() + "/history/brought-in", null));
		CUSTOMER_DATA.put("POST /api/v1/customers/{id}/history/{revisionId}/restore",
				new Case("POST", ids -> "/api/v1/customers/" + ids.customer() + "/history/1/restore", Map.of()));
		CUSTOMER_DATA.put("POST /api/v1/customers/{id}/contact-history/{revisionId}/restore", new Case("POST",
				ids -> "/api/v1/customers/" + ids.customer() + "/contact-history/1/restore", Map.of()));
		CUSTOMER_DATA.put("GET /api/v1/customers/{id}/members",
				new Case("GET", ids -> "/api/v1/customers/" + ids.customer() + "/members", null));
		CUSTOMER_DATA.put("PUT /api/v1/customers/{id}/members/{employeeId}",
				new Case("PUT", ids -> "/api/v1/customers/" + ids.customer() + "/members/" + ids.employee(),
						Map.of("access", "WRITE")));
		CUSTOMER_DATA.put("DELETE /api/v1/customers/{id}/members/{employeeId}",
				new Case("DELETE", ids -> "/api/v1/customers/" + ids.customer() + "/members/" + ids.employee(), null));
		CUSTOMER_DATA.put("POST /api/v1/customers/{id}/contacts",
				new Case("POST", ids -> "/api/v1/customers/" + ids.customer() + "/contacts", Map.of("name", "赵强")));
		CUSTOMER_DATA.put("GET /api/v1/customers/{id}/contacts",
				new Case("GET", ids -> "/api/v1/customers/" + ids.customer() + "/contacts", null));
		CUSTOMER_DATA.put("PATCH /api/v1/contacts/{id}",
				new Case("PATCH", ids -> "/api/v1/contacts/" + ids.contact(), Map.of("title", "总经理", "version", 0)));
		CUSTOMER_DATA.put("POST /api/v1/customers/{id}/follow-ups", new Case("POST",
				ids -> "/api/v1/customers/" + ids.customer() + "/follow-ups", Map.of("kind", "CALL", "content", "你好")));
		CUSTOMER_DATA.put("GET /api/v1/customers/{id}/follow-ups",
				new Case("GET", ids -> "/api/v1/customers/" + ids.customer() + "/follow-ups", null));
		CUSTOMER_DATA.put("PATCH /api/v1/follow-ups/{id}", new Case("PATCH",
				ids -> "/api/v1/follow-ups/" + ids.followUp(), Map.of("kind", "CALL", "content", "改", "version", 0)));

		// files on follow-ups: the request is JSON, not multipart, so only visibility can
		// answer before the missing file does
		CUSTOMER_DATA.put("POST /api/v1/follow-ups/{id}/attachments",
				new Case("POST", ids -> "/api/v1/follow-ups/" + ids.followUp() + "/attachments", Map.of()));
		CUSTOMER_DATA.put("GET /api/v1/follow-ups/{id}/attachments",
				new Case("GET", ids -> "/api/v1/follow-ups/" + ids.followUp() + "/attachments", null));
		CUSTOMER_DATA.put("GET /api/v1/attachments/{id}", new Case("GET",
				ids -> "/api/v1/attachments/" + (ids.followUp() == MISSING ? MISSING : attachmentId), null));
		CUSTOMER_DATA.put("GET /api/v1/attachments/{id}/thumbnail", new Case("GET",
				ids -> "/api/v1/attachments/" + (ids.followUp() == MISSING ? MISSING : attachmentId) + "/thumbnail",
				null));

		CUSTOMER_DATA.put("POST /api/v1/contacts/{id}/reveal", new Case("POST",
				ids -> "/api/v1/contacts/" + ids.contact() + "/reveal", Map.of("field", "phone", "reason", "回电")));
		CUSTOMER_DATA.put("POST /api/v1/customers/{id}/reveal", new Case("POST",
				ids -> "/api/v1/customers/" + ids.customer() + "/reveal", Map.of("field", "address", "reason", "送样品")));
		CUSTOMER_DATA.put("GET /api/v1/customers/{id}/care-visits",
				new Case("GET", ids -> "/api/v1/customers/" + ids.customer() + "/care-visits", null));
		CUSTOMER_DATA.put("POST /api/v1/customers/{id}/care-visits", new Case("POST",
				ids -> "/api/v1/customers/" + ids.customer() + "/care-visits", Map.of("dueOn", "2030-01-01")));
		CUSTOMER_DATA.put("POST /api/v1/customers/{id}/complaints",
				new Case("POST", ids -> "/api/v1/customers/" + ids.customer() + "/complaints",
						Map.of("summary", "冒充投诉", "severity", "LOW", "channel", "PHONE")));
		CUSTOMER_DATA.put("GET /api/v1/customers/{id}/complaints",
				new Case("GET", ids -> "/api/v1/customers/" + ids.customer() + "/complaints", null));
		CUSTOMER_DATA.put("POST /api/v1/key-accounts/{customerId}/fix",
				new Case("POST", ids -> "/api/v1/key-accounts/" + ids.customer() + "/fix", Map.of()));
		CUSTOMER_DATA.put("GET /api/v1/customers/{id}/rhythm",
				new Case("GET", ids -> "/api/v1/customers/" + ids.customer() + "/rhythm", null));
		CUSTOMER_DATA.put("GET /api/v1/follow-up-templates/applicable", new Case("GET",
				ids -> "/api/v1/follow-up-templates/applicable?kind=VISIT&customerId=" + ids.customer(), null));

		CUSTOMER_DATA.put("POST /api/v1/customers/{id}/lock",
				new Case("POST", ids -> "/api/v1/customers/" + ids.customer() + "/lock", Map.of("reason", "重点客户")));
		CUSTOMER_DATA.put("DELETE /api/v1/customers/{id}/lock",
				new Case("DELETE", ids -> "/api/v1/customers/" + ids.customer() + "/lock", null));
		CUSTOMER_DATA.put("POST /api/v1/customers/{id}/return-to-pool", new Case("POST",
				ids -> "/api/v1/customers/" + ids.customer() + "/return-to-pool", Map.of("reason", "不想跟了")));
		CUSTOMER_DATA.put("POST /api/v1/pool/customers/{id}/claim",
				new Case("POST", ids -> "/api/v1/pool/customers/" + ids.customer() + "/claim", Map.of()));
		CUSTOMER_DATA.put("POST /api/v1/pool/customers/{id}/assign",
				new Case("POST", ids -> "/api/v1/pool/customers/" + ids.customer() + "/assign",
						(Function<Ids, Object>) ids -> Map.of("employeeId", ids.employee())));
		ORGANIZATION_DATA.put("GET /api/v1/pools", new Case("GET", ids -> "/api/v1/pools", null));
		// import templates need customer.import (sales managers and administrators),
		// issue 13
		ORGANIZATION_DATA.put("GET /api/v1/imports/templates/{language}",
				new Case("GET", ids -> "/api/v1/imports/templates/zh", null));
		// the import itself (customer.import); another manager's import answers 404:
		// imports.web.ImportApiIntegrationTests
		ORGANIZATION_DATA.put("POST /api/v1/imports", new Case("POST", ids -> "/api/v1/imports", Map.of()));
		ORGANIZATION_DATA.put("GET /api/v1/imports", new Case("GET", ids -> "/api/v1/imports", null));
		ORGANIZATION_DATA.put("GET /api/v1/imports/{id}", new Case("GET", ids -> "/api/v1/imports/1", null));
		ORGANIZATION_DATA.put("GET /api/v1/imports/{id}/rows",
				new Case("GET", ids -> "/api/v1/imports/1/rows?verdict=NEW", null));
		ORGANIZATION_DATA.put("POST /api/v1/imports/{id}/commit",
				new Case("POST", ids -> "/api/v1/imports/1/commit", Map.of("duplicates", "MERGE", "owner", "POOL")));
		ORGANIZATION_DATA.put("PUT /api/v1/imports/{id}/mapping",
				new Case("PUT", ids -> "/api/v1/imports/1/mapping", Map.of("0", "CUSTOMER_NAME")));
		ORGANIZATION_DATA.put("GET /api/v1/imports/{id}/errors",
				new Case("GET", ids -> "/api/v1/imports/1/errors", null));
		// a larger allowance of duplicate checks, and the recheck it serves: the
		// importer's own import alone (ImportApiIntegrationTests), decided through
		// /api/v1/admin/approvals (ImportAllowanceIntegrationTests)
		ORGANIZATION_DATA.put("POST /api/v1/imports/{id}/allowance-requests",
				new Case("POST", ids -> "/api/v1/imports/1/allowance-requests", Map.of("reason", "冒充")));
		ORGANIZATION_DATA.put("GET /api/v1/imports/{id}/allowance-requests",
				new Case("GET", ids -> "/api/v1/imports/1/allowance-requests", null));
		ORGANIZATION_DATA.put("POST /api/v1/imports/{id}/recheck",
				new Case("POST", ids -> "/api/v1/imports/1/recheck", Map.of()));
		ORGANIZATION_DATA.put("POST /api/v1/pools", new Case("POST", ids -> "/api/v1/pools", Map.of("name", "黑客公海")));
		// the company's departure checklist: its items are the administrators'
		// (offboarding.checklist), issue 15
		ORGANIZATION_DATA.put("GET /api/v1/offboarding/checklist-items",
				new Case("GET", ids -> "/api/v1/offboarding/checklist-items", null));
		ORGANIZATION_DATA.put("POST /api/v1/offboarding/checklist-items", new Case("POST",
				ids -> "/api/v1/offboarding/checklist-items", Map.of("title", "冒充", "responsibleRole", "HR")));
		ORGANIZATION_DATA.put("POST /api/v1/offboarding/checklist-items/{id}/retire",
				new Case("POST", ids -> "/api/v1/offboarding/checklist-items/1/retire", Map.of()));
		// rotation of key accounts (issue 15, item 4): who may transfer customers plans
		// it; the customers' own 404s are in RotationIntegrationTests
		ORGANIZATION_DATA.put("POST /api/v1/rotations",
				new Case("POST", ids -> "/api/v1/rotations",
						(Function<Ids, Object>) ids -> Map.of("fromEmployeeId", ids.employee(), "toEmployeeId",
								ids.employee(), "customers",
								List.of(Map.of("customerId", ids.customer(), "note", "冒充")))));
		ORGANIZATION_DATA.put("POST /api/v1/rotations/{id}/cancel",
				new Case("POST", ids -> "/api/v1/rotations/1/cancel", Map.of()));
		ORGANIZATION_DATA.put("GET /api/v1/rotations/overdue",
				new Case("GET", ids -> "/api/v1/rotations/overdue", null));
		ORGANIZATION_DATA.put("GET /api/v1/rotations/overdue/proposal",
				new Case("GET", ids -> "/api/v1/rotations/overdue/proposal?fromEmployeeId=" + ids.employee(), null));
		ORGANIZATION_DATA.put("PATCH /api/v1/pools/{id}",
				new Case("PATCH", ids -> "/api/v1/pools/1", Map.of("name", "黑客公海")));
		ORGANIZATION_DATA.put("PUT /api/v1/pools/{id}/rules/{level}",
				new Case("PUT", ids -> "/api/v1/pools/1/rules/B", Map.of("warnDays", 1)));

		ORGANIZATION_DATA.put("POST /api/v1/employees/{id}/resignation",
				new Case("POST", ids -> "/api/v1/employees/" + ids.employee() + "/resignation",
						Map.of("noticeDate", "2026-12-01", "lastWorkingDay", "2026-12-31")));
		ORGANIZATION_DATA.put("POST /api/v1/departments",
				new Case("POST", ids -> "/api/v1/departments", Map.of("name", "黑客部")));
		ORGANIZATION_DATA.put("GET /api/v1/departments", new Case("GET", ids -> "/api/v1/departments", null));
		ORGANIZATION_DATA.put("POST /api/v1/employees",
				new Case("POST", ids -> "/api/v1/employees", Map.of("username", "evil" + System.nanoTime(),
						"displayName", "坏人", "password", "long-enough-password", "roles", List.of("ADMIN"))));
		ORGANIZATION_DATA.put("GET /api/v1/employees", new Case("GET", ids -> "/api/v1/employees", null));
		ORGANIZATION_DATA.put("GET /api/v1/employees/{employeeId}/sessions",
				new Case("GET", ids -> "/api/v1/employees/" + ids.employee() + "/sessions", null));
		ORGANIZATION_DATA.put("DELETE /api/v1/employees/{employeeId}/sessions/{id}",
				new Case("DELETE", ids -> "/api/v1/employees/" + ids.employee() + "/sessions/t-1", null));
		ORGANIZATION_DATA.put("DELETE /api/v1/employees/{id}/two-factor",
				new Case("DELETE", ids -> "/api/v1/employees/" + ids.employee() + "/two-factor", null));
		ORGANIZATION_DATA.put("GET /api/v1/employees/{id}",
				new Case("GET", ids -> "/api/v1/employees/" + ids.employee(), null));
		ORGANIZATION_DATA.put("PATCH /api/v1/employees/{id}",
				new Case("PATCH", ids -> "/api/v1/employees/" + ids.employee(), Map.of("roles", List.of("ADMIN"))));
		ORGANIZATION_DATA.put("GET /api/v1/admin/approvals", new Case("GET", ids -> "/api/v1/admin/approvals", null));
		ORGANIZATION_DATA.put("GET /api/v1/admin/approvals/{id}",
				new Case("GET", ids -> "/api/v1/admin/approvals/1", null));
		ORGANIZATION_DATA.put("POST /api/v1/admin/approvals/{id}/approve",
				new Case("POST", ids -> "/api/v1/admin/approvals/1/approve", Map.of()));
		ORGANIZATION_DATA.put("POST /api/v1/admin/approvals/{id}/reject",
				new Case("POST", ids -> "/api/v1/admin/approvals/1/reject", Map.of()));
		ORGANIZATION_DATA.put("GET /api/v1/roles", new Case("GET", ids -> "/api/v1/roles", null));
		ORGANIZATION_DATA.put("POST /api/v1/roles", new Case("POST", ids -> "/api/v1/roles",
				Map.of("code", "EVIL", "name", "坏", "dataScope", "ALL", "permissions", List.of())));
		// exports: a rep holds neither export.request nor export.approve; the other
		// region's manager gets 404 (ExportFlowIntegrationTests)
		ORGANIZATION_DATA.put("POST /api/v1/exports", new Case("POST", ids -> "/api/v1/exports",
				Map.of("entity", "contacts", "format", "CSV", "unmasked", true)));
		ORGANIZATION_DATA.put("GET /api/v1/exports", new Case("GET", ids -> "/api/v1/exports", null));
		// the evidence package (issue 15, item 2): evidence.build, for administrators and
		// auditors
		ORGANIZATION_DATA.put("POST /api/v1/evidence-packages",
				new Case("POST", ids -> "/api/v1/evidence-packages", (Function<Ids, Object>) ids -> Map.of("employeeId",
						ids.employee(), "from", "2026-01-01", "to", "2026-01-31")));
		ORGANIZATION_DATA.put("POST /api/v1/evidence-packages/unmasked-requests",
				new Case("POST", ids -> "/api/v1/evidence-packages/unmasked-requests",
						(Function<Ids, Object>) ids -> Map.of("employeeId", ids.employee(), "from", "2026-01-01", "to",
								"2026-01-31", "reason", "律师函")));
		ORGANIZATION_DATA.put("GET /api/v1/evidence-packages",
				new Case("GET", ids -> "/api/v1/evidence-packages", null));
		ORGANIZATION_DATA.put("GET /api/v1/evidence-packages/{id}",
				new Case("GET", ids -> "/api/v1/evidence-packages/1", null));
		ORGANIZATION_DATA.put("GET /api/v1/evidence-packages/{id}/file",
				new Case("GET", ids -> "/api/v1/evidence-packages/1/file", null));
		ORGANIZATION_DATA.put("GET /api/v1/exports/{id}", new Case("GET", ids -> "/api/v1/exports/1", null));
		ORGANIZATION_DATA.put("POST /api/v1/exports/{id}/approve",
				new Case("POST", ids -> "/api/v1/exports/1/approve", Map.of()));
		ORGANIZATION_DATA.put("POST /api/v1/exports/{id}/reject",
				new Case("POST", ids -> "/api/v1/exports/1/reject", Map.of()));
		ORGANIZATION_DATA.put("GET /api/v1/exports/{id}/file", new Case("GET", ids -> "/api/v1/exports/1/file", null));
		ORGANIZATION_DATA.put("POST /api/v1/leak-trace",
				new Case("POST", ids -> "/api/v1/leak-trace", Map.of("text", "13912345678")));
		ORGANIZATION_DATA.put("POST /api/v1/canary-hits",
				new Case("POST", ids -> "/api/v1/canary-hits", Map.of("phone", "17000001234")));
		ORGANIZATION_DATA.put("POST /api/v1/canaries/personal/{employeeId}",
				new Case("POST", ids -> "/api/v1/canaries/personal/" + ids.employee(), Map.of()));
		ORGANIZATION_DATA.put("GET /api/v1/audit-events", new Case("GET", ids -> "/api/v1/audit-events", null));
		ORGANIZATION_DATA.put("GET /api/v1/audit-events/verify",
				new Case("GET", ids -> "/api/v1/audit-events/verify", null));
		ORGANIZATION_DATA.put("GET /api/v1/admin/keys", new Case("GET", ids -> "/api/v1/admin/keys", null));
		ORGANIZATION_DATA.put("POST /api/v1/admin/keys/rotate",
				new Case("POST", ids -> "/api/v1/admin/keys/rotate", Map.of()));
		ORGANIZATION_DATA.put("POST /api/v1/admin/keys/reencrypt",
				new Case("POST", ids -> "/api/v1/admin/keys/reencrypt", Map.of()));
		// issue 13: backups hold every customer and the keys
		ORGANIZATION_DATA.put("GET /api/v1/admin/backups", new Case("GET", ids -> "/api/v1/admin/backups", null));
		ORGANIZATION_DATA.put("POST /api/v1/admin/backups", new Case("POST", ids -> "/api/v1/admin/backups", Map.of()));
		ORGANIZATION_DATA.put("POST /api/v1/admin/backups/{name}/verify",
				new Case("POST", ids -> "/api/v1/admin/backups/holdfast-20261207-030000.hfbak/verify", Map.of()));
		// follow-up templates are changed by holders of followup.template only
		Map<String, Object> template = Map.of("name", "拜访模板", "kind", "VISIT", "fields", List.of());
		ORGANIZATION_DATA.put("POST /api/v1/follow-up-templates",
				new Case("POST", ids -> "/api/v1/follow-up-templates", template));
		ORGANIZATION_DATA.put("PUT /api/v1/follow-up-templates/{id}",
				new Case("PUT", ids -> "/api/v1/follow-up-templates/1", template));
		ORGANIZATION_DATA.put("POST /api/v1/follow-up-templates/{id}/archive",
				new Case("POST", ids -> "/api/v1/follow-up-templates/1/archive", null));
		// a rep who sees only their own customers has no team list
		ORGANIZATION_DATA.put("GET /api/v1/reminders/team", new Case("GET", ids -> "/api/v1/reminders/team", null));
		// risk: a rep who manages nobody reads no risk data, not even their own
		ORGANIZATION_DATA.put("GET /api/v1/risk/alerts", new Case("GET", ids -> "/api/v1/risk/alerts", null));
		ORGANIZATION_DATA.put("POST /api/v1/risk/alerts/{id}/acknowledge",
				new Case("POST", ids -> "/api/v1/risk/alerts/" + ids.customer() + "/acknowledge", null));
		ORGANIZATION_DATA.put("GET /api/v1/risk/employees/{id}",
				new Case("GET", ids -> "/api/v1/risk/employees/" + ids.employee(), null));
		ORGANIZATION_DATA.put("POST /api/v1/risk/employees/{id}/evaluate",
				new Case("POST", ids -> "/api/v1/risk/employees/" + ids.employee() + "/evaluate", null));
		ORGANIZATION_DATA.put("POST /api/v1/risk/employees/{id}/lift",
				new Case("POST", ids -> "/api/v1/risk/employees/" + ids.employee() + "/lift", null));
		// the post-departure watch: for managers running offboarding and auditors (issue
		// 15, item 1; the
		// other region's manager and the leaver: PostDepartureWatchIntegrationTests)
		ORGANIZATION_DATA.put("GET /api/v1/departure-watches",
				new Case("GET", ids -> "/api/v1/departure-watches", null));
		ORGANIZATION_DATA.put("GET /api/v1/departure-watches/{employeeId}",
				new Case("GET", ids -> "/api/v1/departure-watches/" + ids.employee(), null));
		ORGANIZATION_DATA.put("GET /api/v1/departure-watches/{employeeId}/signals",
				new Case("GET", ids -> "/api/v1/departure-watches/" + ids.employee() + "/signals", null));
		ORGANIZATION_DATA.put("POST /api/v1/scim-tokens",
				new Case("POST", ids -> "/api/v1/scim-tokens", Map.of("name", "Okta")));
		ORGANIZATION_DATA.put("GET /api/v1/scim-tokens", new Case("GET", ids -> "/api/v1/scim-tokens", null));
		ORGANIZATION_DATA.put("DELETE /api/v1/scim-tokens/{id}",
				new Case("DELETE", ids -> "/api/v1/scim-tokens/1", null));
		// security (issue 10): locked logins are for administrators (login.unlock)
		ORGANIZATION_DATA.put("GET /api/v1/login-lockouts", new Case("GET", ids -> "/api/v1/login-lockouts", null));
		ORGANIZATION_DATA.put("POST /api/v1/login-lockouts/unlock",
				new Case("POST", ids -> "/api/v1/login-lockouts/unlock", Map.of("username", "admin")));
		ORGANIZATION_DATA.put("GET /api/v1/risk/employees/{id}/lookback",
				new Case("GET", ids -> "/api/v1/risk/employees/" + ids.employee() + "/lookback", null));
		// care coverage and key-account teams: for managers (dashboard.read) and
		// care.record
		ORGANIZATION_DATA.put("GET /api/v1/care/coverage", new Case("GET", ids -> "/api/v1/care/coverage", null));
		ORGANIZATION_DATA.put("GET /api/v1/key-accounts/violations",
				new Case("GET", ids -> "/api/v1/key-accounts/violations", null));
		ORGANIZATION_DATA.put("POST /api/v1/key-accounts/fix",
				new Case("POST", ids -> "/api/v1/key-accounts/fix", Map.of()));
		// know-how and dashboard: managers only; the other region's manager publishing
		// this
		// customer gets 404, and sees none of it on the dashboard
		// (KnowHowIntegrationTests,
		// DashboardIntegrationTests)
		ORGANIZATION_DATA.put("POST /api/v1/know-how",
				new Case("POST", ids -> "/api/v1/know-how", (Function<Ids, Object>) ids -> Map.of("customerId",
						ids.customer(), "followUpIds", List.of(ids.followUp()), "title", "范例", "lesson", "心得")));
		ORGANIZATION_DATA.put("POST /api/v1/know-how/{id}/withdraw",
				new Case("POST", ids -> "/api/v1/know-how/1/withdraw", null));
		ORGANIZATION_DATA.put("GET /api/v1/dashboard", new Case("GET", ids -> "/api/v1/dashboard", null));
		// agreements: HR's (agreement.manage or employee.manage)
		ORGANIZATION_DATA.put("GET /api/v1/agreements", new Case("GET", ids -> "/api/v1/agreements", null));
		ORGANIZATION_DATA.put("POST /api/v1/agreements", new Case("POST", ids -> "/api/v1/agreements",
				Map.of("titleZh", "保密协议", "titleEn", "NDA", "roles", List.of("SALES"))));
		ORGANIZATION_DATA.put("POST /api/v1/agreements/{id}/versions", new Case("POST",
				ids -> "/api/v1/agreements/1/versions", Map.of("textZh", "正文", "textEn", "text", "scope", "客户")));
		ORGANIZATION_DATA.put("PUT /api/v1/agreements/{id}/roles",
				new Case("PUT", ids -> "/api/v1/agreements/1/roles", Map.of("roles", List.of("SALES"))));
		ORGANIZATION_DATA.put("GET /api/v1/agreements/{id}/acceptances",
				new Case("GET", ids -> "/api/v1/agreements/1/acceptances", null));
		ORGANIZATION_DATA.put("GET /api/v1/agreements/reminders",
				new Case("GET", ids -> "/api/v1/agreements/reminders", null));
		ORGANIZATION_DATA.put("GET /api/v1/employees/{id}/agreement-terms",
				new Case("GET", ids -> "/api/v1/employees/" + ids.employee() + "/agreement-terms", null));
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private Company company;

	private CustomerWithHistory known;

	private Api api;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华南区", "深圳销售一组", "华北区");
		this.known = this.company.data.customerWithHistory(this.company.owner);
		attachmentId = new Multipart(this.port).upload(this.company.token(this.company.owner),
				"/api/v1/follow-ups/" + this.known.followUpId() + "/attachments", "file", "门头.png", "image/png", png())
			.id();
	}

	private static byte[] png() {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "png", out);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	@Test
	void everyEndpointHasAnAccessCase() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/v1")) {
					info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method + " " + pattern));
				}
			}
		}
		Set<String> covered = new TreeSet<>(CUSTOMER_DATA.keySet());
		covered.addAll(ORGANIZATION_DATA.keySet());
		covered.addAll(OPEN_TO_ALL.keySet());
		covered.addAll(OFFBOARDING);
		covered.addAll(COMPLAINTS);
		covered.addAll(KNOW_HOW_READERS.keySet());
		covered.addAll(POOL);
		assertThat(endpoints).as("endpoints without an access case in this class").isSubsetOf(covered);
		assertThat(covered).as("cases for endpoints that no longer exist").isSubsetOf(endpoints);
	}

	Stream<Arguments> customerData() {
		return CUSTOMER_DATA.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("customerData")
	void anOutsiderGetsTheSameNotFoundAsForAMissingRecord(String endpoint, Case call) {
		String outsider = this.company.token(this.company.outsider);
		Ids real = new Ids(this.known.id(), this.known.contactId(), this.known.followUpId(),
				this.company.colleague.id());
		Ids missing = new Ids(MISSING, MISSING, MISSING, this.company.colleague.id());

		Api.Response forbidden = this.api.sendRaw(outsider, call.method(), call.path().apply(real), call.json(real));
		Api.Response absent = this.api.sendRaw(outsider, call.method(), call.path().apply(missing), call.json(missing));

		assertThat(forbidden.status()).as(endpoint + " for an outsider: " + forbidden).isEqualTo(404);
		assertThat(forbidden.raw()).as("the answer must not tell 'exists' from 'missing'").isEqualTo(absent.raw());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("customerData")
	void theOtherRegionsManagerGetsNotFoundToo(String endpoint, Case call) {
		String manager = this.company.token(this.company.otherManager);
		Ids real = new Ids(this.known.id(), this.known.contactId(), this.known.followUpId(),
				this.company.colleague.id());
		Api.Response response = this.api.sendRaw(manager, call.method(), call.path().apply(real), call.json(real));
		assertThat(response.status()).as(endpoint + ": " + response).isEqualTo(404);
	}

	Stream<Arguments> organizationData() {
		return ORGANIZATION_DATA.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("organizationData")
	void aSalesRepIsRefusedOrganizationAndAuditData(String endpoint, Case call) {
		String rep = this.company.token(this.company.outsider);
		Ids ids = new Ids(this.known.id(), this.known.contactId(), this.known.followUpId(), this.company.outsider.id());
		Api.Response response = this.api.sendRaw(rep, call.method(), call.path().apply(ids), call.json(ids));
		assertThat(response.status()).as(endpoint + ": " + response).isEqualTo(403);
	}

	private static String json(Object body) {
		return body == null ? null : tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
	}

}
