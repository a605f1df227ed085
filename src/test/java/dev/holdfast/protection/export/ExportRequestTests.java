package dev.holdfast.protection.export;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.holdfast.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When an export waits for approval, and what a request may ask for.
 */
class ExportRequestTests {

	private static ExportRequest request(boolean unmasked) {
		return ExportRequest.of(new ExportForm("customers", Map.of("q", "星河", "level", "A"), "xlsx", unmasked));
	}

	@Test
	void aSmallMaskedExportOfAnEmployedRequesterIsReleasedAtOnce() {
		assertThat(request(false).approvalReasons(200, 200, false, false)).isEmpty();
	}

	@Test
	void sizeUnmaskedDataAndALeavingRequesterEachNeedApproval() {
		assertThat(request(false).approvalReasons(201, 200, false, false)).containsExactly("ROWS_OVER_THRESHOLD");
		assertThat(request(true).approvalReasons(3, 200, false, false)).containsExactly("UNMASKED_FIELDS");
		// only reached when the notice-period policy no longer refuses export.request
		assertThat(request(false).approvalReasons(3, 200, true, false)).containsExactly("REQUESTER_LEAVING");
	}

	@Test
	void phoneNumbersInFreeTextAreContactDataForTheApprover() {
		assertThat(request(true).approvalReasons(3, 200, false, true)).containsExactly("UNMASKED_FIELDS",
				"CONTACT_DATA_IN_TEXT");
		// a masked export masks them instead
		assertThat(request(false).approvalReasons(3, 200, false, true)).isEmpty();
	}

	@Test
	void badRequestsAreRefusedFieldByField() {
		assertThat(request(false).format()).isEqualTo("XLSX");
		assertThatThrownBy(() -> ExportRequest.of(new ExportForm("employees", null, "CSV", false)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> ExportRequest.of(new ExportForm("customers", Map.of("level", "Z"), "CSV", false)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> ExportRequest.of(new ExportForm("customers", Map.of("sql", "1=1"), "CSV", false)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> ExportRequest.of(new ExportForm("customers", null, "PDF", false)))
			.isInstanceOf(InvalidInputException.class);
	}

}
