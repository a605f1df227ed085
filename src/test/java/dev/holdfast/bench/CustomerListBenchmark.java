package dev.holdfast.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.holdfast.Api;
import dev.holdfast.WebSession;
import dev.holdfast.customer.CustomerNames;
import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.organization.DataScopes;
import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.crypto.FieldCipher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first page of the customer list and a name search, for a SALES rep and for a
 * manager whose DEPARTMENT_TREE covers about 200 reps: through the REST API (real HTTP,
 * real tokens) next to the same SQL the customer module runs, measured in the same run,
 * interleaved, so that both see the same machine; and the same first pages as web pages
 * ({@code /customers}, HTML, in a browser session logged in through the form) next to the
 * cheapest authenticated web page. Prints median and p95, the ratio, where the API's time
 * goes, and the plans; fails only when a page query is not served by an index. Run it
 * with {@code bench/run.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "holdfast.embedded-postgres.data-dir=${bench.data-dir:target/bench-data}",
				"holdfast.embedded-postgres.reset-on-start=false" })
class CustomerListBenchmark {

	private static final int SAMPLES = Integer.getInteger("bench.samples", 200);

	private static final int WARM_UP = Integer.getInteger("bench.warmup", 50);

	private static final String SEARCH = System.getProperty("bench.q", "深圳");

	private static final int PAGE_SIZE = 20;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataScopes scopes;

	@Autowired
	FieldCipher cipher;

	@Test
	void firstPageAndNameSearch() {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		LargeDataSet dataSet = new LargeDataSet(jdbc, this.passwords.encode(BenchOrganization.PASSWORD), this.cipher);
		LargeDataSetSize size = LargeDataSetSize.fromSystemProperties();
		LargeDataSet.log("data set (%s wanted): %s", size, dataSet.generateIfMissing(size));
		checkGeneratedData(jdbc);
		Api api = new Api(this.port);
		List<ListCase> cases = new ArrayList<>();
		for (String username : List.of(BenchOrganization.REP, BenchOrganization.REGION_MANAGER)) {
			long id = jdbc.sql("select id from employee where username = ?").param(username).query(Long.class).single();
			String token = api.login(username, BenchOrganization.PASSWORD);
			WebSession web = new WebSession(this.port);
			assertThat(web.logIn(username, BenchOrganization.PASSWORD).headers().firstValue("Location"))
				.as("web log-in of " + username)
				.hasValueSatisfying(to -> assertThat(to).doesNotContain("/login"));
			OwnerScope scope = this.scopes.ownerScopeOf(id);
			String who = username.equals(BenchOrganization.REP) ? "SALES"
					: "MANAGER(" + scope.ownerIds().size() + " owners)";
			for (String q : new String[] { null, SEARCH }) {
				ModuleSql sql = ModuleSql.of(this.context, id, scope, new CustomerQuery(q, null, null, false),
						PageRequest.of(0, PAGE_SIZE));
				String path = "/api/v1/customers?size=" + PAGE_SIZE
						+ (q == null ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
				String webPath = "/customers" + (q == null ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
				cases.add(new ListCase(who + (q == null ? " list" : " search '" + q + "'"), id, token, path, web,
						webPath, sql));
			}
		}
		ListMeasurement measurement = new ListMeasurement(api, jdbc, this.context, this.scopes);
		cases.forEach(c -> measurement.run(c, WARM_UP, SAMPLES));
		LargeDataSet.log("%d samples per case after %d warm-up rounds; %s", SAMPLES, WARM_UP, dataSet.counts());
		measurement.printTable();
		measurement.printBreakdown();
		measurement.printTargets();
		measurement.printWebTargets();
		for (ListCase each : cases) {
			String pagePlan = plan(jdbc, each.sql().pageSql(), each.sql().params());
			LargeDataSet.log("plan of the page query, %s:%n%s", each.name(), pagePlan);
			assertThat(pagePlan).as("plan of " + each.name()).contains("Index").doesNotContain("Seq Scan on customer");
			LargeDataSet.log("plan of the count query, %s:%n%s", each.name(),
					plan(jdbc, each.sql().countSql(), each.sql().countParams()));
		}
	}

	/** The generated data follows the module's own rules. */
	private static void checkGeneratedData(JdbcClient jdbc) {
		jdbc.sql("select name, normalized_name from customer order by id desc limit 2000")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(row -> assertThat(row.getValue()).as(row.getKey())
				.isEqualTo(CustomerNames.normalize(row.getKey())));
		assertThat(jdbc.sql("select count(*) from contact where phone_index is null").query(Long.class).single())
			.as("contacts without a phone index")
			.isZero();
	}

	private static String plan(JdbcClient jdbc, String sql, Map<String, Object> params) {
		return String.join("\n",
				jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list());
	}

}
