package dev.holdfast.followup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.MailServer;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily digest and the weekly summary with mail configured, against a real SMTP
 * server (GreenMail, {@link MailServer}, mail switched on for this class): a rep with
 * overdue customers gets one notification and one e-mail per day however often (and
 * however concurrently) the job runs; a manager gets the team summary on Mondays.
 */
@HoldfastIntegrationTest
@ExtendWith(MailServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpDigestIntegrationTests {

	private static final GreenMail smtp = MailServer.smtp();

	/** A Monday, 09:00 in Shanghai: after the digest hour, on the summary day. */
	private static final Instant MONDAY_MORNING = Instant.parse("2031-03-10T01:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FollowUpDigestJob job;

	private Employee rep;

	private Employee manager;

	@BeforeAll
	void setUp() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long dept = data.department("青岛销售部", null);
		this.manager = data.employee("mgr", dept, null, "SALES_MANAGER");
		this.rep = data.employee("rep", dept, this.manager.id(), "SALES");
		this.jdbc.sql("update employee set email = ? where id = ?")
			.params("zhao.rep@qingdao-sales.cn", this.rep.id())
			.update();
		this.jdbc.sql("update employee set email = ? where id = ?")
			.params("sun.mgr@qingdao-sales.cn", this.manager.id())
			.update();
		api.post(data.token(this.rep), "/api/v1/customers",
				Map.of("name", TestData.unique("青岛海风啤酒") + "有限公司", "kind", "COMPANY", "level", "A"));
	}

	@Test
	void theDigestIsSentOnceADayInAppAndByMail() throws Exception {
		assertThat(this.job.runAt(MONDAY_MORNING)).isPositive();
		assertThat(notifications(this.rep, "FOLLOW_UP_DIGEST", "2031-03-10")).isEqualTo(1);
		assertThat(notifications(this.manager, "TEAM_SUMMARY", "2031-03-10")).isEqualTo(1);
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		List<MimeMessage> toRep = mailTo("zhao.rep@qingdao-sales.cn");
		assertThat(toRep).hasSize(1);
		assertThat((String) toRep.get(0).getContent()).contains("/reminders").doesNotContain("青岛海风啤酒");
		assertThat(mailTo("sun.mgr@qingdao-sales.cn")).hasSize(1);

		int mails = smtp.getReceivedMessages().length;
		assertThat(this.job.runAt(MONDAY_MORNING.plusSeconds(3600))).as("the same day again").isZero();
		assertThat(notifications(this.rep, "FOLLOW_UP_DIGEST", "2031-03-10")).isEqualTo(1);
		assertThat(smtp.getReceivedMessages()).hasSize(mails);
	}

	@Test
	void twoInstancesAtOnceSendTheDigestOnce() {
		Instant tuesday = MONDAY_MORNING.plusSeconds(24 * 3600);
		CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> this.job.runAt(tuesday));
		CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> this.job.runAt(tuesday));
		int sent = one.join() + two.join();
		assertThat(sent).isPositive();
		assertThat(notifications(this.rep, "FOLLOW_UP_DIGEST", "2031-03-11")).isEqualTo(1);
		assertThat(
				this.jdbc.sql("select sent from notification_job_day where job = 'daily-digest' and day = '2031-03-11'")
					.query(Integer.class)
					.single())
			.isEqualTo(sent);
		assertThat(this.job.runAt(tuesday)).isZero();
	}

	/** The employee's notifications of the kind about the day. */
	private long notifications(Employee employee, String kind, String day) {
		return this.jdbc
			.sql("select count(*) from notification where employee_id = ? and kind = ? and title_args ->> 0 = ?")
			.params(employee.id(), kind, day)
			.query(Long.class)
			.single();
	}

	private static List<MimeMessage> mailTo(String address) throws Exception {
		List<MimeMessage> found = new java.util.ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				found.add(message);
			}
		}
		return found;
	}

}
