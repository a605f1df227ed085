package dev.holdfast.offboarding;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.agreement.AgreementTerm;
import dev.holdfast.agreement.AgreementTerms;
import dev.holdfast.shared.FreeOfCustomerData;

/**
 * The agreements that bind the leaver of a case after the last working day, to whoever
 * may see the case (anyone else gets 404, as for the case itself).
 */
@FreeOfCustomerData
@RestController
class CaseAgreementTermsApi {

	private final Offboarding offboarding;

	private final AgreementTerms terms;

	CaseAgreementTermsApi(Offboarding offboarding, AgreementTerms terms) {
		this.offboarding = offboarding;
		this.terms = terms;
	}

	@GetMapping("/api/v1/offboarding/{caseId}/agreement-terms")
	@AnyEmployee
	List<AgreementTerm> terms(@PathVariable long caseId) {
		CaseDetails details = this.offboarding.get(caseId);
		return this.terms.inForce(details.employeeId(), details.lastWorkingDay());
	}

}
