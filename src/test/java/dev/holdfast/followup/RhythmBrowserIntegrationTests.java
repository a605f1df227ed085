package dev.holdfast.followup;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
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
 * A rep on a phone: the customer's follow-up section shows it is overdue, picking another
 * kind swaps in its template's fields, a missing required field is refused next to it,
 * and the reminders page lists the customer. Screenshots in {@code target/screenshots}.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RhythmBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Browser browser;

	private TestData data;

	private Api api;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	@AfterAll
	void archiveTheTemplates() {
		// templates for OTHER follow-ups would make other tests' follow-ups need fields
		this.jdbc.sql("update follow_up_template set archived_at = now() where archived_at is null").update();
	}

	@Test
	void aRepFillsInTheTemplateOfTheKindTheyPickOnAPhone() {
		Map<String, Object> participants = Map.of("key", "participants", "labelZh", "参与人", "labelEn", "Participants",
				"type", "TEXT", "required", true);
		Map<String, Object> stage = Map.of("key", "stage", "labelZh", "阶段", "labelEn", "Stage", "type", "CHOICE",
				"options", List.of("初次接触", "报价"));
		Api.Response template = this.api.post(this.data.adminToken(), "/api/v1/follow-up-templates",
				Map.of("name", "当面交流", "kind", "OTHER", "fields", List.of(participants, stage)));
		assertThat(template.status()).as(template.toString()).isEqualTo(201);
		long department = this.data.department("广州销售部", null);
		TestData.Employee rep = this.data.employee("sales", department, null, "SALES");
		String name = TestData.unique("广州南沙港务") + "有限公司";
		long customer = this.api
			.post(this.data.token(rep), "/api/v1/customers", Map.of("name", name, "kind", "COMPANY", "level", "A"))
			.id();
		Timestamp weeksAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(20)));
		this.jdbc.sql("update customer set created_at = ? where id = ?").params(weeksAgo, customer).update();
		this.jdbc.sql("update customer_owner_history set changed_at = ? where customer_id = ?")
			.params(weeksAgo, customer)
			.update();

		this.browser.logIn(rep.username(), TestData.PASSWORD);
		this.browser.viewport(Browser.PHONE);
		this.browser.open("/customers/" + customer + "?lang=zh_CN");
		this.browser.waitForText("#customer-rhythm", "逾期");
		this.browser.click("label[for=kind-OTHER]");
		this.browser.find("#field-participants");
		this.browser.type("#followup-content", "在展会上碰面，聊了港口扩建的设备需求");
		this.browser.click("#followup-submit");
		this.browser.find("#field-participants.is-invalid");
		this.browser.screenshot("followup-template-refused-phone");

		this.browser.type("#field-participants", "陈总、刘工");
		new org.openqa.selenium.support.ui.Select(this.browser.find("#field-stage")).selectByVisibleText("报价");
		this.browser.click("#followup-submit");
		this.browser.find("#followup-recorded");
		this.browser.waitForText("#timeline li:first-child .follow-up-fields", "陈总、刘工");
		assertThat(this.browser.driver().findElements(org.openqa.selenium.By.id("field-participants")))
			.as("the new form is for a call again, which has no template")
			.isEmpty();
		this.browser.screenshot("followup-template-recorded-phone");

		// 18 characters of a kind that does not count on its own: still overdue
		this.browser.open("/reminders");
		this.browser.waitForText("#reminders-rhythm", name);
		this.browser.screenshot("reminders-phone");
		this.browser.viewport(Browser.DESKTOP);
		this.browser.open("/reminders");
		this.browser.find("#nav-notifications");
		assertThat(this.browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"))
			.noneMatch(message -> message.startsWith("SEVERE") && !message.contains("Failed to load resource"));
	}

}
