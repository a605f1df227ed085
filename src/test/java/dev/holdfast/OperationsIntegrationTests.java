package dev.holdfast;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 7: health and metrics answer on the management port only; the public
 * port serves nothing of {@code /actuator}, whoever asks.
 */
@HoldfastIntegrationTest
class OperationsIntegrationTests {

	private static final String SCRAPER = "Basic " + Base64.getEncoder()
		.encodeToString("prometheus:scraper-password-for-tests".getBytes(StandardCharsets.UTF_8));

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void livenessAndReadinessAreSeparateProbesOnTheManagementPort() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> answer = get(this.managementPort, probe, null);
			assertThat(answer.statusCode()).as(probe).isEqualTo(200);
			assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void theScraperReadsTheMetricsOnTheManagementPortWithItsPasswordOnly() throws Exception {
		assertThat(get(this.managementPort, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
		HttpResponse<String> scraped = get(this.managementPort, "/actuator/prometheus", SCRAPER);
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.body()).contains("http_server_requests_seconds_bucket", "holdfast_handover_items_open",
				"holdfast_handovers_running");
	}

	@Test
	void thePublicPortServesNothingOfTheActuator() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness", "/actuator/info" }) {
			HttpResponse<String> answer = get(this.port, path, null);
			assertThat(answer.statusCode()).as(path).isEqualTo(404);
			assertThat(answer.body()).as(path).doesNotContain("UP");
		}
		assertThat(get(this.port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
		HttpResponse<String> withPassword = get(this.port, "/actuator/prometheus", SCRAPER);
		assertThat(withPassword.statusCode()).isEqualTo(404);
		assertThat(withPassword.body()).doesNotContain("jvm_");
	}

	private HttpResponse<String> get(int port, String path, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
