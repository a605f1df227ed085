package dev.holdfast.organization;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tests hash passwords at the lowest bcrypt cost (src/test/resources/config), and
 * only they: the application's own configuration keeps Spring Security's cost of 10, and
 * a hash of either cost verifies with the other.
 */
class PasswordHashingTests {

	@Test
	void productionHashesAtCostTen() throws IOException {
		PasswordHashing hashing = bind("application.yml");
		assertThat(hashing.bcryptStrength()).isEqualTo(PasswordHashing.PRODUCTION_STRENGTH).isEqualTo(10);
		assertThat(PasswordConfiguration.encoder(hashing).encode("密码-for-production")).startsWith("{bcrypt}$2a$10$");
	}

	@Test
	void theTestsHashAtTheLowestCost() throws IOException {
		PasswordHashing hashing = bind("config/application.yml");
		assertThat(hashing.bcryptStrength()).isEqualTo(4);
		assertThat(PasswordConfiguration.encoder(hashing).encode("密码-for-tests")).startsWith("{bcrypt}$2a$04$");
	}

	@Test
	void aHashOfEitherCostVerifiesWithTheOther() {
		PasswordEncoder production = PasswordConfiguration.encoder(new PasswordHashing(10));
		PasswordEncoder tests = PasswordConfiguration.encoder(new PasswordHashing(4));
		assertThat(tests.matches("王芳的密码", production.encode("王芳的密码"))).isTrue();
		assertThat(production.matches("王芳的密码", tests.encode("王芳的密码"))).isTrue();
		assertThat(production.matches("李强的密码", tests.encode("王芳的密码"))).isFalse();
		assertThat(production.matches("secret", "{noop}secret")).isTrue();
	}

	@Test
	void aCostOutsideBcryptsRangeStopsTheStart() {
		assertThatThrownBy(() -> new PasswordHashing(3)).hasMessageContaining("bcrypt-strength");
	}

	private static PasswordHashing bind(String file) throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		sources.forEach(environment.getPropertySources()::addLast);
		return new Binder(ConfigurationPropertySources.get(environment))
			.bindOrCreate("holdfast.security.password-hashing", Bindable.of(PasswordHashing.class));
	}

}
