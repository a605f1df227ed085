package dev.holdfast.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of the REST API at {@code /api/docs}: every call but the token endpoint
 * takes a bearer token.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI holdfastApi() {
		return new OpenAPI()
			.info(new Info().title("守客 Holdfast API")
				.version("v1")
				.description("Get a token with POST /api/v1/auth/token {\"username\",\"password\"}, then send "
						+ "Authorization: Bearer <token>. Customers you may not see answer 404."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
