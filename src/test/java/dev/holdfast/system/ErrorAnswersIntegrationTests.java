package dev.holdfast.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML error pages match every {@code @Controller}, and a {@code @RestController} is
 * one too: the API must still answer in JSON.
 */
@HoldfastIntegrationTest
class ErrorAnswersIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void apiErrorsStayJsonBesideTheHtmlErrorPages() {
		Api api = new Api(this.port);
		String token = new TestData(api).adminToken();
		Api.Response missing = api.get(token, "/api/v1/customers/999999999");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.text("error")).isEqualTo("not_found");
		Api.Response invalid = api.post(token, "/api/v1/customers", java.util.Map.of("name", "", "kind", "COMPANY"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.text("error")).isEqualTo("validation");
	}

}
