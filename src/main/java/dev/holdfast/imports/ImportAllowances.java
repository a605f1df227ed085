package dev.holdfast.imports;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.Masking;
import dev.holdfast.imports.RowVerdict.Verdict;
import dev.holdfast.imports.store.ImportFiles;
import dev.holdfast.imports.store.ImportRows;
import dev.holdfast.imports.store.StoredRow;
import dev.holdfast.organization.ApprovableAction;
import dev.holdfast.organization.ApprovalView;
import dev.holdfast.organization.Approvals;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;

/**
 * A larger allowance of duplicate checks for one import. An importer whose preview ran
 * past the day's budget (rows {@code UNCHECKED}) asks for it with a reason; the request
 * is an administrators' approval request ({@link Approvals}, action {@value #ACTION}),
 * decided by an administrator other than the importer. Once approved, that import's
 * previews (a recheck, a corrected mapping) may look up the number of values asked, each
 * counted and audited with the import's id as before; the importer's day, their other
 * imports and single duplicate checks keep their budget. The number asked is what a
 * preview of the stored rows looks up at most: one company name and every phone of each
 * row.
 */
@Service
public class ImportAllowances {

	/** The approval request's action. */
	public static final String ACTION = "IMPORT_ALLOWANCE";

	private static final int REASON_LENGTH = 500;

	private static final int PAGE = 500;

	private final ImportFiles files;

	private final ImportRows rows;

	private final Approvals approvals;

	ImportAllowances(ImportFiles files, ImportRows rows, Approvals approvals) {
		this.files = files;
		this.rows = rows;
		this.approvals = approvals;
	}

	/**
	 * An import's request as its importer sees it.
	 *
	 * @param values the values asked for
	 * @param allowed the values approved for the import in all (null: none yet)
	 * @param status {@code PENDING}, {@code APPROVED} or {@code REJECTED}
	 */
	public record ImportAllowance(long requestId, long importId, String status, long values, String reason,
			Long allowed, Instant requestedAt, String deciderName, String note) {

		public boolean pending() {
			return "PENDING".equals(this.status);
		}

	}

	/**
	 * Asks the administrators for enough duplicate checks to look up every row of the
	 * import.
	 * @throws InvalidInputException without a reason (400 at {@code reason})
	 * @throws ConflictException once committing or committed, when no row is unchecked,
	 * or while an earlier request waits
	 */
	@Transactional
	public ImportAllowance request(long importId, String reason) {
		ImportFiles.Stored stored = own(importId);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > REASON_LENGTH) {
			throw new InvalidInputException("reason", why.isEmpty() ? "is required" : "is longer than 500 characters");
		}
		stored = this.files.lock(importId).orElseThrow();
		ImportView view = stored.view();
		if (view.status() != ImportStatus.PREVIEWED) {
			throw new ConflictException("import_" + view.status().name().toLowerCase(Locale.ROOT),
					"a larger allowance can be asked only before the import is committed");
		}
		long unchecked = this.rows.count(importId, Verdict.UNCHECKED);
		if (unchecked == 0) {
			throw new ConflictException("nothing_unchecked", "every row of this import was checked");
		}
		if (stored.allowanceRequestId() != null && this.approvals.asked(stored.allowanceRequestId()).pending()) {
			throw new ConflictException("allowance_pending", "an earlier request for this import is waiting");
		}
		Need need = need(view);
		long values = need.values();
		Map<String, String> details = new LinkedHashMap<>();
		details.put("importId", String.valueOf(importId));
		details.put("rows", String.valueOf(view.rows()));
		details.put("unchecked", String.valueOf(unchecked));
		details.put("values", String.valueOf(values));
		// for the administrator: a sheet of real customers has one or two phones per
		// masked form (138****5678); a file guessing one masked number has hundreds
		details.put("sameMask", String.valueOf(need.sameMask()));
		details.put("reason", why);
		ApprovalView asked = this.approvals.ask(ACTION, details,
				Map.of("importId", importId, "values", values, "requesterLink", "/imports/" + importId));
		this.files.allowanceRequested(importId, asked.id());
		return allowance(asked, importId, null);
	}

	/** The import's latest request, to its importer (empty when none was made). */
	@Transactional(readOnly = true)
	public Optional<ImportAllowance> of(long importId) {
		ImportFiles.Stored stored = own(importId);
		return Optional.ofNullable(stored.allowanceRequestId())
			.map(id -> allowance(this.approvals.asked(id), importId, stored.allowedChecks()));
	}

	/**
	 * Does an approved request: the import, still previewed and still its importer's,
	 * gets the values. Refused (the request stays pending, to be rejected) when the
	 * importer is no longer active: serving notice, or gone.
	 */
	long approved(Long employeeId, long importId, long values, boolean importerActive) {
		ImportFiles.Stored stored = this.files.lock(importId)
			.filter(s -> employeeId != null && s.importerId() == employeeId)
			.orElseThrow(() -> new NotFoundException("import"));
		if (!importerActive) {
			throw new ConflictException("importer_not_active",
					"the employee who asked is serving notice or has left: reject the request");
		}
		if (stored.view().status() != ImportStatus.PREVIEWED) {
			throw new ConflictException("import_" + stored.view().status().name().toLowerCase(Locale.ROOT),
					"the import was committed meanwhile: reject the request");
		}
		this.files.allowed(importId, values);
		return employeeId;
	}

	/**
	 * What a preview of the stored rows looks up at most (one company name and every
	 * phone of each row), and the most of their phones that fit one masked form.
	 */
	private record Need(long values, long sameMask) {
	}

	private Need need(ImportView view) {
		long values = 0;
		Map<String, Long> masks = new HashMap<>();
		long after = 0;
		for (List<StoredRow> page = this.rows.after(view.id(), 0, PAGE); !page.isEmpty(); page = this.rows
			.after(view.id(), after, PAGE)) {
			for (StoredRow row : page) {
				List<String> phones = RowContent.of(view.mapping(), new ImportRow(row.number(), row.cells())).phones();
				values += 1 + phones.size();
				phones.forEach(phone -> masks.merge(Masking.phone(phone), 1L, Long::sum));
			}
			after = page.get(page.size() - 1).id();
		}
		return new Need(values, masks.values().stream().mapToLong(Long::longValue).max().orElse(0));
	}

	private ImportFiles.Stored own(long importId) {
		GuardedAction.IMPORT.require();
		return this.files.find(importId)
			.filter(stored -> stored.importerId() == CurrentEmployee.id())
			.orElseThrow(() -> new NotFoundException("import"));
	}

	private static ImportAllowance allowance(ApprovalView request, long importId, Long allowed) {
		return new ImportAllowance(request.id(), importId, request.status(),
				Long.parseLong(request.details().getOrDefault("values", "0")), request.details().get("reason"), allowed,
				request.requestedAt(), request.deciderName(), request.note());
	}

	/** The request, as an administrator approves it. */
	@Configuration(proxyBeanMethods = false)
	static class Approval {

		@Bean
		ApprovableAction importAllowance(@Lazy ImportAllowances allowances, OrganizationManagement organization) {
			return ApprovableAction.of(ACTION,
					(employeeId, payload) -> allowances.approved(employeeId, payload.get("importId").asLong(),
							payload.get("values").asLong(),
							employeeId != null && organization.loginAccount(employeeId)
								.map(account -> account.status() == EmploymentStatus.ACTIVE)
								.orElse(false)));
		}

	}

}
