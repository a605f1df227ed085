package dev.holdfast.notification;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications: each employee reads and marks only their own, in their language, and the
 * bell counts the unread ones.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	private Api api;

	private TestData data;

	private Employee rep;

	private Employee peer;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long dept = this.data.department("厦门销售部", null);
		this.rep = this.data.employee("rep", dept, null, "SALES");
		this.peer = this.data.employee("rep", dept, null, "SALES");
	}

	private long send(Employee to) {
		return this.notifications.send(to.id(), "FOLLOW_UP_DIGEST",
				NotificationText.of("rhythm.digest.title", "2031-01-02"),
				NotificationText.of("rhythm.digest.body", 3, 1, 2), "/reminders");
	}

	@Test
	void anEmployeeReadsAndMarksOnlyTheirOwn() {
		long id = send(this.rep);
		String token = this.data.token(this.rep);

		Api.Response mine = this.api.get(token, "/api/v1/notifications?unread=true");
		assertThat(mine.status()).isEqualTo(200);
		var first = mine.body().get("items").get(0);
		assertThat(first.get("id").asLong()).isEqualTo(id);
		assertThat(first.get("title").asString()).contains("2031-01-02").doesNotContain("rhythm.digest");
		assertThat(first.get("body").asString()).contains("3").contains("2");

		String peerToken = this.data.token(this.peer);
		assertThat(this.api.get(peerToken, "/api/v1/notifications").body().get("total").asLong()).isZero();
		Api.Response stolen = this.api.post(peerToken, "/api/v1/notifications/" + id + "/read", Map.of());
		Api.Response missing = this.api.post(peerToken, "/api/v1/notifications/987654321/read", Map.of());
		assertThat(stolen.status()).isEqualTo(404);
		assertThat(stolen.raw()).isEqualTo(missing.raw());

		Api.Response read = this.api.post(token, "/api/v1/notifications/" + id + "/read", Map.of());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.text("readAt")).isNotNull();
		assertThat(this.api.get(token, "/api/v1/notifications?unread=true").body().get("total").asLong()).isZero();
	}

	@Test
	void theBellCountsUnreadAndThePageShowsThemInTheReadersLanguage() {
		Employee reader = this.data.employee("rep", null, null, "SALES");
		send(reader);
		send(reader);
		WebSession web = new WebSession(this.port);
		web.logIn(reader.username(), TestData.PASSWORD);
		HttpResponse<String> bell = web.get("/notifications/bell");
		assertThat(bell.statusCode()).isEqualTo(200);
		assertThat(bell.body()).contains("id=\"bell-unread\"").contains(">2<");
		assertThat(web.get("/customers").body()).contains("id=\"nav-notifications\"");

		assertThat(web.get("/notifications?lang=zh_CN").body()).contains("2031-01-02 跟进提醒");
		assertThat(web.get("/notifications?lang=en").body()).contains("Follow-ups for 2031-01-02");
	}

}
