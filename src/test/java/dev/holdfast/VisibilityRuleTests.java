package dev.holdfast;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One visibility rule (issue 12, item 2): {@code customer} alone decides which customers
 * someone sees ({@code CustomerVisibility} for one record, {@code VisibleCustomers} for
 * SQL and for whose customers a caller sees). Outside {@code customer} and
 * {@code organization} (which computes data scopes) no module reads
 * {@code organization.DataScopes} or {@code OwnerScope} to find customers. The few files
 * below use a data scope for a rule about employees, not customers, each with its reason;
 * the list may only shrink (an entry no longer needed fails the test).
 */
class VisibilityRuleTests {

	private static final Set<String> RULE_MAKERS = Set.of("customer", "organization");

	private static final Pattern SCOPES = Pattern.compile("\\b(?:DataScopes|OwnerScope)\\b");

	/** File -> why its data scope is about employees, not customers. */
	private static final Map<String, String> EMPLOYEE_SCOPES = Map.of("protection/export/ExportApprovers.java",
			"who may approve an employee's export: managers whose scope covers the requester",
			"protection/export/ExportDecisions.java",
			"whether the caller manages the requester of the export they approve or reject",
			"protection/WaitingExports.java", "the exports of requesters the caller manages, waiting for a decision",
			"protection/export/ExportRecordNames.java",
			"names of exports in the audit trail, for callers who manage the requester", "offboarding/CaseAccess.java",
			"whether the caller manages the leaver whose offboarding case it is", "knowhow/KnowHowLibrary.java",
			"whether the caller manages the employee who published a know-how item", "watch/WatchAccess.java",
			"whether the caller manages the former employee whose post-departure watch it is");

	@Test
	void noModuleButCustomerAndOrganizationReadsDataScopes() {
		Set<String> users = new TreeSet<>();
		MainSources.java().forEach((file, text) -> {
			int slash = file.indexOf('/');
			if (slash > 0 && !RULE_MAKERS.contains(file.substring(0, slash)) && SCOPES.matcher(text).find()) {
				users.add(file);
			}
		});
		assertThat(users).as("files finding customers through DataScopes/OwnerScope: use customer.VisibleCustomers")
			.isSubsetOf(EMPLOYEE_SCOPES.keySet());
		assertThat(EMPLOYEE_SCOPES.keySet()).as("allowed employee-scope uses no longer needed: remove them")
			.isSubsetOf(users);
	}

}
