package dev.holdfast.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which entry of the top bar, from the caller's authorities alone: an entry
 * shows for any one of its permissions, the risk page also for a sales manager's role,
 * and nothing but the home link for someone who holds no permission.
 */
class NavigationTests {

	@AfterEach
	void forget() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anEntryShowsForAnyOneOfItsPermissions() {
		as("knowhow.publish");
		assertThat(Navigation.bar()).containsExactly(Navigation.HOME, Navigation.KNOW_HOW);
		as("export.approve");
		assertThat(Navigation.manageMenu()).containsExactly(Navigation.EXPORTS);
	}

	@Test
	void rotationsShowForWhoMayTransferCustomers() {
		as("customer.transfer");
		assertThat(Navigation.manageMenu()).containsExactly(Navigation.ROTATIONS);
		as("customer.create");
		assertThat(Navigation.manageMenu()).isEmpty();
	}

	@Test
	void theRiskPageShowsForItsPermissionOrTheSalesManagersRole() {
		as("ROLE_SALES_MANAGER");
		assertThat(Navigation.manageMenu()).containsExactly(Navigation.RISK, Navigation.DEPARTURE_WATCH);
		as("risk.read");
		assertThat(Navigation.manageMenu()).containsExactly(Navigation.RISK);
		as("ROLE_SALES");
		assertThat(Navigation.manageMenu()).isEmpty();
	}

	@Test
	void thePostDepartureWatchShowsForAuditorsAndSalesManagersNotForHr() {
		as("audit.read");
		assertThat(Navigation.manageMenu()).containsExactly(Navigation.AUDIT, Navigation.DEPARTURE_WATCH);
		as("ROLE_HR", "offboarding.execute");
		assertThat(Navigation.manageMenu()).containsExactly(Navigation.OFFBOARDING);
	}

	@Test
	void aPermissionTakenAwayByNoticeOrRiskDoesNotShowAnEntry() {
		as("restricted:dashboard.read", "suspended:audit.read");
		assertThat(Navigation.bar()).containsExactly(Navigation.HOME);
		assertThat(Navigation.manageMenu()).isEmpty();
	}

	@Test
	void everyEntryLeadsSomewhereOfItsOwnWithItsOwnId() {
		List<String> sections = Arrays.stream(Navigation.values()).map(Navigation::section).toList();
		assertThat(sections).doesNotHaveDuplicates();
		assertThat(Arrays.stream(Navigation.values()).map(Navigation::url)).doesNotHaveDuplicates()
			.allMatch(url -> url.startsWith("/"));
	}

	@Test
	void everyEntryHasItsLabelInBothLanguages() throws IOException {
		for (String language : List.of("", "_zh_CN")) {
			Properties labels = new Properties();
			List<Path> bundles = new ArrayList<>(
					List.of(Path.of("src/main/resources/messages" + language + ".properties")));
			try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
				files.filter(file -> file.getFileName().toString().matches("[a-z]+" + language + "\\.properties"))
					.forEach(bundles::add);
			}
			for (Path bundle : bundles) {
				try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
					labels.load(in);
				}
			}
			assertThat(Arrays.stream(Navigation.values()).map(Navigation::labelKey)).as(language)
				.allMatch(labels::containsKey);
		}
	}

	private static void as(String... authorities) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("someone", "secret", authorities));
	}

}
