package dev.holdfast.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerNamesTests {

	@Test
	void spacesPunctuationWidthAndLegalFormDoNotMakeANewCompany() {
		String canonical = CustomerNames.normalize("深圳星河贸易有限公司");
		assertThat(canonical).isEqualTo("深圳星河贸易");
		assertThat(CustomerNames.normalize("深圳 星河贸易")).isEqualTo(canonical);
		assertThat(CustomerNames.normalize("深圳星河贸易（有限公司）")).isEqualTo(canonical);
		assertThat(CustomerNames.normalize("深圳星河贸易股份有限公司")).isEqualTo(canonical);
		assertThat(CustomerNames.normalize("ＡＢＣ Trading Co., Ltd.")).isEqualTo("abctrading");
	}

	@Test
	void differentCompaniesStayDifferent() {
		assertThat(CustomerNames.normalize("深圳星河贸易有限公司")).isNotEqualTo(CustomerNames.normalize("深圳星海贸易有限公司"));
		assertThat(CustomerNames.normalize("公司")).isEqualTo("公司");
	}

}
