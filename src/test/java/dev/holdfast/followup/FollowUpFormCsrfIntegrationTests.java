package dev.holdfast.followup;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.MultipartForm;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up forms with files keep the CSRF token out of the URL, where it would land
 * in access logs, proxies and Referer headers: the rendered forms carry it as a hidden
 * field (htmx also sends it as a header), an upload with it in the body works, and a post
 * without it is refused and changes nothing.
 */
@HoldfastIntegrationTest
class FollowUpFormCsrfIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestData data;

	Api api;

	Employee rep;

	long customerId;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.rep = this.data.employee("rep", null, null, "SALES");
		Api.Response created = this.api.post(this.data.token(this.rep), "/api/v1/customers", java.util.Map.of("name",
				TestData.unique("重庆渝中火锅") + "有限公司", "kind", "COMPANY", "level", "B", "region", "重庆市渝中区解放碑"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		this.customerId = created.id();
	}

	@Test
	void theFollowUpFormSendsItsTokenInTheBodyAndAPostWithoutItIsRefused() {
		WebSession session = session();
		// the section the customer page loads (also a page of its own without script)
		HttpResponse<String> page = session.get("/customers/" + this.customerId + "/follow-ups");
		assertThat(page.statusCode()).isEqualTo(200);
		String action = MultipartForm.action(page.body(), "followup-form");
		assertThat(action).isEqualTo("/customers/" + this.customerId + "/follow-ups").doesNotContain("_csrf");
		String form = page.body().substring(page.body().indexOf("id=\"followup-form\""));
		form = form.substring(0, form.indexOf("</form>"));
		assertThat(form).contains("name=\"_csrf\"");

		// an attacker's page can post the form, but has no token: refused, nothing
		// written
		HttpResponse<String> forged = new MultipartForm(this.port).field("kind", "VISIT")
			.field("content", "伪造的跟进记录")
			.file("files", "门头.png", SampleFiles.png())
			.post(session, action);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(followUps("伪造的跟进记录")).isZero();

		HttpResponse<String> saved = new MultipartForm(this.port).field("_csrf", WebSession.csrfToken(page))
			.field("kind", "VISIT")
			.field("content", "拜访解放碑门店，老板王建华同意下月试点")
			.file("files", "门头.png", SampleFiles.png())
			.post(session, action);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(followUps("拜访解放碑门店，老板王建华同意下月试点")).isEqualTo(1);
		long followUp = this.jdbc.sql("select id from follow_up where customer_id = ? and content like ?")
			.params(this.customerId, "拜访解放碑门店%")
			.query(Long.class)
			.single();
		assertThat(attachments(followUp)).isEqualTo(1);

		// adding files later, on the correction page: the same
		HttpResponse<String> correct = session.get("/customers/" + this.customerId + "/follow-ups/" + followUp);
		assertThat(correct.statusCode()).isEqualTo(200);
		String addAction = MultipartForm.action(correct.body(), "followup-add-files-form");
		assertThat(addAction).isEqualTo("/customers/" + this.customerId + "/follow-ups/" + followUp + "/attachments");
		assertThat(new MultipartForm(this.port).file("files", "合同.pdf", SampleFiles.pdf())
			.post(session, addAction)
			.statusCode()).isEqualTo(403);
		assertThat(attachments(followUp)).isEqualTo(1);
		assertThat(new MultipartForm(this.port).field("_csrf", WebSession.csrfToken(correct))
			.file("files", "合同.pdf", SampleFiles.pdf())
			.post(session, addAction)
			.statusCode()).isEqualTo(302);
		assertThat(attachments(followUp)).isEqualTo(2);

		// beyond the container's limit (60MB, spring.servlet.multipart.max-file-size) the
		// body cannot be read, token and all: still a clear refusal that changes nothing
		HttpResponse<String> huge = new MultipartForm(this.port).field("_csrf", WebSession.csrfToken(correct))
			.file("files", "录像.png", new byte[61 * 1024 * 1024])
			.post(session, addAction);
		assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
		assertThat(attachments(followUp)).isEqualTo(2);
	}

	private long followUps(String content) {
		return this.jdbc.sql("select count(*) from follow_up where customer_id = ? and content = ?")
			.params(this.customerId, content)
			.query(Long.class)
			.single();
	}

	private long attachments(long followUp) {
		return this.jdbc.sql("select count(*) from follow_up_attachment where follow_up_id = ?")
			.param(followUp)
			.query(Long.class)
			.single();
	}

	private WebSession session() {
		WebSession session = new WebSession(this.port);
		assertThat(session.logIn(this.rep.username(), TestData.PASSWORD).statusCode()).isEqualTo(302);
		return session;
	}

}
