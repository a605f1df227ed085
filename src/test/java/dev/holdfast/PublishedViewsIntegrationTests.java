package dev.holdfast;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views the architecture document marks published (issue 12, item 1) exist in the
 * schema and hold no secret: other modules join them in place of the owners' tables, so a
 * password hash, a contact detail, an encrypted value or a free-text reason added to one
 * would leak to every module.
 */
@HoldfastIntegrationTest
class PublishedViewsIntegrationTests {

	private static final String SECRET = "(?i).*(password|hash|secret|encrypted|email|phone|address|notes|reason|token|quota|scope).*";

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyPublishedViewExistsAndHoldsNoSecretColumn() {
		Set<String> published = TableOwnershipTests.publishedViews();
		assertThat(published).contains("customer_directory", "employee_directory", "department_directory",
				"role_directory", "role_assignment", "customer_team", "customer_owner_change");
		List<String> views = this.jdbc
			.sql("select table_name from information_schema.views where table_schema = current_schema()")
			.query(String.class)
			.list();
		assertThat(views).containsAll(published);
		for (String view : published) {
			List<String> columns = this.jdbc
				.sql("select column_name from information_schema.columns where table_schema = current_schema()"
						+ " and table_name = ?")
				.param(view)
				.query(String.class)
				.list();
			assertThat(columns).as(view).isNotEmpty().noneMatch((column) -> column.matches(SECRET));
		}
	}

	@Test
	void theTeamViewShowsCurrentMembershipsOnly() {
		long removed = this.jdbc.sql("""
				select count(*) from customer_member m
				where m.removed_at is not null
				  and not exists (select 1 from customer_member a where a.customer_id = m.customer_id
				                  and a.employee_id = m.employee_id and a.removed_at is null)
				  and exists (select 1 from customer_team t where t.customer_id = m.customer_id
				              and t.employee_id = m.employee_id)""").query(Long.class).single();
		assertThat(removed).isZero();
		long current = this.jdbc.sql("select count(*) from customer_member where removed_at is null")
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select count(*) from customer_team").query(Long.class).single()).isEqualTo(current);
	}

}
