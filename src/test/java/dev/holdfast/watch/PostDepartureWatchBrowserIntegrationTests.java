package dev.holdfast.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The post-departure watch's pages in headless Chromium on a phone, in Chinese and in
 * English: the list of watches and a former employee's customers by current owner.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostDepartureWatchBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WatchEvaluation evaluation;

	private Browser browser;

	private TestData data;

	private Api api;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = TestData.given(this.api, this.jdbc);
	}

	@Test
	void theManagerReadsAFormerRepsCustomersOnAPhone() {
		long department = this.data.department("西北销售部", null);
		TestData.Employee manager = this.data.employee("mgr", department, null, "SALES_MANAGER");
		TestData.Employee leaver = this.data.employee("rep", department, manager.id(), "SALES");
		long complained = this.data.customerOf(leaver, "C");
		long archived = this.data.customerOf(leaver, "C");
		this.data.customerOf(leaver, "B");
		String admin = this.data.adminToken();
		long caseId = this.api
			.post(admin, "/api/v1/employees/" + leaver.id() + "/resignation",
					Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay", TestData.today().toString()))
			.id();
		TestData.check(this.api.post(admin, "/api/v1/offboarding/" + caseId + "/terminate", Map.of("reason", "违纪")),
				200);
		this.data.watchStarted(leaver);
		String token = this.data.token(manager);
		TestData.check(this.api.post(token, "/api/v1/customers/" + complained + "/complaints",
				Map.of("summary", "交接后无人回电", "severity", "MEDIUM", "channel", "WECHAT")), 201);
		TestData.check(this.api.post(token, "/api/v1/customers/" + archived + "/archive", Map.of()), 200);
		this.evaluation.runFor(leaver.id(), Instant.now().plus(Duration.ofDays(3)));

		this.browser.viewport(Browser.PHONE);
		this.browser.logIn(manager.username(), TestData.PASSWORD);
		this.browser.open("/watches?lang=zh_CN");
		assertThat(this.browser.find("#watch-list").getText()).contains("观察中", "原客户 3 个", "2 个信号");
		this.browser.assertFits("the list of watches");
		this.browser.screenshot("departure-watches-phone");
		this.browser.open("/watches/" + leaver.id() + "?lang=zh_CN");
		assertThat(this.browser.find("main").getText()).contains("离职后观察", "现归", "投诉", "已归档");
		this.browser.assertFits("a former employee's watch");
		this.browser.screenshot("departure-watch-phone");
		this.browser.open("/watches/" + leaver.id() + "?lang=en");
		assertThat(this.browser.find("main").getText()).contains("Now with", "Complaint", "Archived", "Watched until");
		this.browser.assertFits("a former employee's watch in English");
		this.browser.screenshot("departure-watch-phone-en");
		assertThat(this.browser.consoleMessages()).isEmpty();
	}

}
