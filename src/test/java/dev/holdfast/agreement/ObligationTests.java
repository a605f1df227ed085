package dev.holdfast.agreement;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a version not yet accepted closes customer data: at once for a first acceptance,
 * at the end of the grace period for someone who accepted an earlier version.
 */
class ObligationTests {

	private static final Instant DUE = Instant.parse("2026-12-11T00:00:00Z");

	@Test
	void aFirstAcceptanceHasNoGracePeriod() {
		assertThat(obligation(false).blocks(DUE.minusSeconds(86_400))).isTrue();
	}

	@Test
	void anEarlierAcceptanceCountsUntilTheGracePeriodEnds() {
		assertThat(obligation(true).blocks(DUE.minusSeconds(1))).isFalse();
		assertThat(obligation(true).blocks(DUE)).isTrue();
		assertThat(obligation(true).blocks(DUE.plusSeconds(1))).isTrue();
	}

	@Test
	void theDownloadedTextNamesVersionAcceptorAndBothLanguages() {
		MyAgreement accepted = new MyAgreement(1, 2, 3, "保密协议", "Confidentiality agreement", "中文正文", "English text",
				"客户资料", 24, "竞业条款", 12, DUE, null, false);
		assertThat(AcceptedText.of(accepted, "zhangsan")).contains("# 保密协议 / Confidentiality agreement",
				"版本 Version: 3", "zhangsan", "2026-12-11T00:00:00Z", "中文正文", "English text", "竞业条款", "12 months");
	}

	private static Obligation obligation(boolean acceptedEarlier) {
		return new Obligation(1, 2, 2, "保密协议", "NDA", DUE, acceptedEarlier);
	}

}
