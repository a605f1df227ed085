import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of the cluster test (cluster/test.sh), by group: each prints PASS or FAIL per check and exits 1 when
 * one failed. Plain JDK (java.net.http), so it runs wherever Java 17 does: {@code javac -d out ClusterChecks.java},
 * then {@code java -cp out -Dcluster.nginx=… -Dcluster.a=… -Dcluster.b=… ClusterChecks <group>}.
 */
public class ClusterChecks {

	static final String PASSWORD = "demo-password-2026";

	static final String NGINX = System.getProperty("cluster.nginx");

	static final String A = System.getProperty("cluster.a");

	static final String B = System.getProperty("cluster.b");

	static final Path RUN = Path.of(System.getProperty("cluster.run", "."));

	static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static int failures;

	public static void main(String[] args) throws Exception {
		String group = args[0];
		try {
			switch (group) {
				case "sessions" -> sessions();
				case "revocation" -> revocation();
				case "quotas" -> quotas();
				case "keys" -> keys();
				case "writers" -> writers();
				case "jobs-start" -> jobsStart();
				case "jobs" -> jobs();
				case "handover" -> handover();
				case "departure" -> departure();
				default -> throw new IllegalArgumentException("no group " + group);
			}
		}
		catch (Exception | AssertionError ex) {
			fail(group + ": stopped by " + ex);
			ex.printStackTrace();
		}
		System.exit(failures == 0 ? 0 : 1);
	}

	// ----------------------------------------------------------------------------------------------------------------

	/** A browser session and an API token made on one instance work on the other, and through nginx. */
	static void sessions() throws Exception {
		Browser browser = Browser.login(A, "east.sales1");
		check("browser session made on A works on B", browser.page(B, "/customers").status() == 200,
				"B answered " + browser.page(B, "/customers").status());
		check("browser session made on A works through nginx (10 requests, both instances)",
				allOk(() -> browser.page(NGINX, "/customers").status(), 10), "");
		Browser other = Browser.login(B, "east.sales2");
		check("browser session made on B works on A", other.page(A, "/customers").status() == 200, "");

		String token = token(B, "east.sales1");
		check("API token made on B works on A", get(A, "/api/v1/me", token).status() == 200, "");
		check("API token made on B works through nginx (10 requests)",
				allOk(() -> get(NGINX, "/api/v1/me", token).status(), 10), "");
		Set upstreams = new Set();
		for (int i = 0; i < 6; i++) {
			upstreams.add(get(NGINX, "/api/v1/me", token).header("X-Upstream"));
		}
		check("nginx spreads requests over both instances", upstreams.size() == 2, "upstreams " + upstreams);
	}

	/**
	 * An ended session, a revoked token, a password reset and a termination on A give 401 on B (a browser: the
	 * redirect to the login page) within one second.
	 */
	static void revocation() throws Exception {
		// logout
		Browser browser = Browser.login(A, "east.sales1");
		check("before logout: the session works on B", browser.page(B, "/customers").status() == 200, "");
		Response logout = browser.logout(A);
		check("logout on A answered the redirect to /login?logout", logout.status() == 302
				&& logout.header("Location").contains("/login?logout"), "got " + logout.status());
		refusedWithin("ended session (logout on A) refused on B", () -> browser.page(B, "/customers"));

		// revoked token
		String token = token(A, "east.sales1");
		check("before revocation: the token works on B", get(B, "/api/v1/me", token).status() == 200, "");
		check("DELETE /api/v1/auth/token on A answered 204", delete(A, "/api/v1/auth/token", token).status() == 204,
				"");
		refusedWithin("revoked token refused on B", () -> get(B, "/api/v1/me", token));

		// password reset by an administrator
		String admin = token(A, "it.admin");
		String rep = token(A, "east.sales2");
		Browser repBrowser = Browser.login(A, "east.sales2");
		long repId = number(get(A, "/api/v1/me", rep).body(), "id");
		Response employee = get(A, "/api/v1/employees/" + repId, admin);
		Response reset = send(A, "PATCH", "/api/v1/employees/" + repId, admin,
				"{\"password\":\"reset-password-2026-cluster\",\"version\":" + number(employee.body(), "version") + "}");
		check("password reset on A answered 200", reset.status() == 200, reset.status() + " " + reset.body());
		refusedWithin("API token after a password reset on A refused on B", () -> get(B, "/api/v1/me", rep));
		refusedWithin("browser session after a password reset on A refused on B",
				() -> repBrowser.page(B, "/customers"));

		// termination (employee departed)
		String hr = token(A, "hr.manager");
		String leaver = token(A, "east.sales3");
		Browser leaverBrowser = Browser.login(B, "east.sales3");
		long leaverId = number(get(A, "/api/v1/me", leaver).body(), "id");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Response resigned = post(A, "/api/v1/employees/" + leaverId + "/resignation", hr,
				"{\"noticeDate\":\"" + today + "\",\"lastWorkingDay\":\"" + today.plusDays(30)
						+ "\",\"reason\":\"集群测试\"}");
		check("resignation recorded on A (201)", resigned.status() == 201, resigned.status() + " " + resigned.body());
		long caseId = number(resigned.body(), "id");
		check("before termination: the leaver's token works on B", get(B, "/api/v1/me", leaver).status() == 200,
				"");
		Response terminated = post(A, "/api/v1/offboarding/" + caseId + "/terminate", hr,
				"{\"reason\":\"集群测试：即时解约\"}");
		check("termination on A answered 200", terminated.status() == 200,
				terminated.status() + " " + terminated.body());
		refusedWithin("API token after a termination on A refused on B", () -> get(B, "/api/v1/me", leaver));
		refusedWithin("browser session after a termination on A refused on B",
				() -> leaverBrowser.page(B, "/customers"));
	}

	/** The reveal quota and the scraping budget of a rep hold across instances. */
	static void quotas() throws Exception {
		String rep = token(A, "east.sales4");
		List<Long> customers = numbers(get(A, "/api/v1/customers?size=50", rep).body(), "id");
		check("east.sales4 sees customers", !customers.isEmpty(), "");
		long customer = customers.get(0);
		String[] instances = { A, B, NGINX };
		int revealed = 0;
		List<String> refusals = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			Response r = post(instances[i % 3], "/api/v1/customers/" + customer + "/reveal", rep,
					"{\"field\":\"address\",\"reason\":\"集群测试\"}");
			if (r.status() == 200) {
				revealed++;
			}
			else {
				refusals.add(r.status() + " " + r.body());
			}
		}
		check("30 reveals spread over A, B and nginx all answered 200", revealed == 30,
				revealed + " answered 200; others: " + refusals);
		Response onA = post(A, "/api/v1/customers/" + customer + "/reveal", rep, "{\"field\":\"address\"}");
		Response onB = post(B, "/api/v1/customers/" + customer + "/reveal", rep, "{\"field\":\"address\"}");
		check("the 31st reveal is refused (429) on A", onA.status() == 429, onA.status() + " " + onA.body());
		check("the 31st reveal is refused (429) on B", onB.status() == 429, onB.status() + " " + onB.body());

		// the record budget: 120 records, refilled (in the cluster run) by one in 1000 seconds
		String reader = token(B, "south.sales1");
		long target = numbers(get(B, "/api/v1/customers?size=5", reader).body(), "id").get(0);
		long started = System.nanoTime();
		int read = 0;
		Response refused = null;
		for (int i = 0; i < 400 && refused == null; i++) {
			Response r = get(i % 2 == 0 ? A : B, "/api/v1/customers/" + target, reader);
			if (r.status() == 200) {
				read++;
			}
			else {
				refused = r;
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		check("the record budget runs out (429)", refused != null && refused.status() == 429,
				refused == null ? "never refused" : refused.status() + " " + refused.body());
		check("one budget of 120 records for both instances (60 reads on each)", read == 120,
				read + " read in " + String.format("%.1f", seconds) + " s (separate budgets would allow ~240)");
		Response afterA = get(A, "/api/v1/customers/" + target, reader);
		Response afterB = get(B, "/api/v1/customers/" + target, reader);
		check("once spent, the budget is spent on A and on B",
				afterA.status() == 429 && afterB.status() == 429, "A " + afterA.status() + ", B " + afterB.status());
	}

	/** A key rotation on A is used by B: B reads what A wrote with the new key, and then writes with it. */
	static void keys() throws Exception {
		String admin = token(A, "it.admin");
		String rep = token(A, "east.sales1");
		long before = number(get(A, "/api/v1/admin/keys", admin).body(), "primaryKeyId");
		check("B starts on the same primary key as A",
				number(get(B, "/api/v1/admin/keys", admin).body(), "primaryKeyId") == before, "");
		Response rotated = post(A, "/api/v1/admin/keys/rotate", admin, "");
		check("rotation on A answered 200", rotated.status() == 200, rotated.status() + " " + rotated.body());
		long after = number(rotated.body(), "primaryKeyId");
		check("rotation made a new primary key", after != before, before + " → " + after);

		long customer = numbers(get(A, "/api/v1/customers?size=5", rep).body(), "id").get(0);
		String address = "上海市浦东新区世纪大道" + (System.nanoTime() % 1000) + "号";
		Response written = patchCustomer(A, customer, rep, address);
		check("A writes an address under the new key", written.status() == 200,
				written.status() + " " + written.body());
		Response read = post(B, "/api/v1/customers/" + customer + "/reveal", rep,
				"{\"field\":\"address\",\"reason\":\"集群测试\"}");
		check("B reads the address A wrote under the new key", read.status() == 200 && read.body().contains(address),
				read.status() + " " + read.body());
		long onB = number(get(B, "/api/v1/admin/keys", admin).body(), "primaryKeyId");
		check("B now encrypts with the new primary key", onB == after, "B's primary " + onB);
		String second = "北京市朝阳区建国路" + (System.nanoTime() % 1000) + "号";
		check("B writes an address", patchCustomer(B, customer, rep, second).status() == 200, "");
		Response back = post(A, "/api/v1/customers/" + customer + "/reveal", rep,
				"{\"field\":\"address\",\"reason\":\"集群测试\"}");
		check("A reads what B wrote", back.status() == 200 && back.body().contains(second),
				back.status() + " " + back.body());
		// the rotation's scheduled re-encryption (every 10 s here) is let finish before the
		// departure group moves 20,000 customers: it passes over rows other transactions
		// hold ("for update skip locked", never waiting on users' work), so run during the
		// handover it leaves those rows to its next run, and the jobs group's check that
		// one scheduled run did it would fail for the test's timing, not for the job lock
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (System.nanoTime() < deadline && count("select count(*) from audit_event where action = 'KEYS_REENCRYPTED'"
				+ " and actor_id is null and details not like '%\"rows\":0%'") == 0) {
			sleep(200);
		}
	}

	static Response patchCustomer(String base, long customer, String token, String address) throws Exception {
		long version = number(get(base, "/api/v1/customers/" + customer, token).body(), "version");
		return send(base, "PATCH", "/api/v1/customers/" + customer, token,
				"{\"address\":\"" + address + "\",\"version\":" + version + "}");
	}

	/**
	 * Follow-up writes through nginx, four clients, until the script creates writers.stop (it restarts A and B
	 * meanwhile): every write must end answered 2xx, a failure answered 502/503/504 or a refused connection is
	 * retried, and every write answered 2xx must be found afterwards.
	 */
	static void writers() throws Exception {
		String rep = token(NGINX, "east.sales1");
		long customer = numbers(get(NGINX, "/api/v1/customers?size=5", rep).body(), "id").get(0);
		String run = Long.toString(System.currentTimeMillis(), 36);
		Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
		List<String> lost = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicInteger retries = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			int writer = w;
			Thread thread = new Thread(() -> {
				for (int n = 0; !Files.exists(RUN.resolve("writers.stop")); n++) {
					String marker = "cluster-" + run + "-" + writer + "-" + n;
					String body = "{\"kind\":\"CALL\",\"content\":\"滚动重启中的电话回访 " + marker + "\"}";
					for (int attempt = 1;; attempt++) {
						Response r;
						try {
							r = post(NGINX, "/api/v1/customers/" + customer + "/follow-ups", rep, body);
						}
						catch (Exception ex) {
							r = new Response(-1, ex.toString(), Map.of());
						}
						if (r.status() / 100 == 2) {
							acknowledged.put(marker, attempt);
							break;
						}
						if (r.status() == -1 || r.status() == 502 || r.status() == 503 || r.status() == 504) {
							retries.incrementAndGet();
							if (attempt < 60) {
								sleep(500);
								continue;
							}
						}
						lost.add(marker + " answered " + r.status() + " " + r.body());
						break;
					}
					sleep(250);
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread t : threads) {
			t.join();
		}
		System.out.printf("writes acknowledged: %d, retried answers: %d%n", acknowledged.size(), retries.get());
		check("every write answered 2xx or a retryable error that was retried", lost.isEmpty(),
				lost.size() + " not: " + lost.stream().limit(5).toList());
		Map<String, Integer> stored = storedMarkers(customer, run);
		List<String> missing = acknowledged.keySet().stream().filter(m -> !stored.containsKey(m)).toList();
		check("every acknowledged write is stored (" + acknowledged.size() + ")", missing.isEmpty(),
				missing.size() + " missing: " + missing.stream().limit(5).toList());
		long twice = stored.values().stream().filter(n -> n > 1).count();
		System.out.println("     (writes stored twice, a retry of a write whose answer was lost: " + twice + ")");
		check("writes went on during the restarts (at least 100)", acknowledged.size() >= 100,
				acknowledged.size() + " writes");
	}

	/**
	 * How often each marker of this run is stored in the customer's follow-ups, straight from the database (a read
	 * through the API draws on the record budget).
	 */
	static Map<String, Integer> storedMarkers(long customer, String run) throws Exception {
		Map<String, Integer> stored = new java.util.HashMap<>();
		Pattern marker = Pattern.compile("cluster-" + run + "-\\d+-\\d+");
		try (Connection c = database();
				PreparedStatement s = c.prepareStatement("select content from follow_up where customer_id = ?")) {
			s.setLong(1, customer);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					Matcher m = marker.matcher(r.getString(1));
					if (m.find()) {
						stored.merge(m.group(), 1, Integer::sum);
					}
				}
			}
		}
		return stored;
	}

	/**
	 * Each scheduled job runs once per period while both instances are up, seen in what the runs leave behind (the
	 * script gives the jobs schedules of 10 seconds; the daily jobs then try every 10 seconds on both instances).
	 * This part makes work for them; {@link #jobs()} looks at what they did.
	 */
	static void jobsStart() throws Exception {
		// a case whose last working day has passed: the last-working-day job departs it, once
		String hr = token(A, "hr.manager");
		String leaver = token(A, "south.sales2");
		long leaverId = number(get(A, "/api/v1/me", leaver).body(), "id");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Response resigned = post(B, "/api/v1/employees/" + leaverId + "/resignation", hr,
				"{\"noticeDate\":\"" + today + "\",\"lastWorkingDay\":\"" + today.plusDays(30) + "\",\"reason\":\"集群测试\"}");
		check("resignation recorded (201)", resigned.status() == 201, resigned.status() + " " + resigned.body());
		long caseId = number(resigned.body(), "id");
		sql("update offboarding_case set notice_date = current_date - 10, last_working_day = current_date - 2 where id = ?",
				caseId);
		Files.writeString(RUN.resolve("jobs-case"), caseId + " " + leaverId);
	}

	/** Run after the others: every job has had many chances on each instance by then. */
	static void jobs() throws Exception {
		String[] started = Files.readString(RUN.resolve("jobs-case")).trim().split(" ");
		long caseId = Long.parseLong(started[0]);
		long leaverId = Long.parseLong(started[1]);
		check("last working day: the employee departed exactly once",
				count("select count(*) from audit_event where action = 'EMPLOYEE_DEPARTED' and target_id = ?",
						Long.toString(caseId)) == 1,
				"EMPLOYEE_DEPARTED events: " + count(
						"select count(*) from audit_event where action = 'EMPLOYEE_DEPARTED' and target_id = ?",
						Long.toString(caseId)));
		check("last working day: each customer of the leaver moved once",
				count("""
						select count(*) from (select customer_id from customer_owner_history
						where kind = 'DEPARTURE' and old_owner_id = ? group by customer_id having count(*) > 1) d""",
						leaverId) == 0,
				"");
		long poolRuns = count("select count(*) from audit_event where action = 'POOL_RULES_APPLIED'"
				+ " and occurred_at > now() - interval '1 hour'");
		check("pool rules: applied once today", poolRuns == 1, poolRuns + " POOL_RULES_APPLIED events");
		long digests = count("""
				select count(*) from (select employee_id, kind, title_args from notification
				where kind in ('FOLLOW_UP_DIGEST', 'TEAM_SUMMARY')
				group by employee_id, kind, title_args having count(*) > 1) d""");
		check("digests: nobody got a daily digest or weekly summary twice for one day", digests == 0,
				digests + " employees did");
		long sentDigests = count("select count(*) from notification where kind = 'FOLLOW_UP_DIGEST'");
		System.out.println("     (daily digests sent: " + sentDigests + ")");
		long visits = count("""
				select count(*) from (select customer_id from care_visit where reason = 'RHYTHM'
				group by customer_id, source having count(*) > 1) d""");
		long rhythm = count("select count(*) from care_visit where reason = 'RHYTHM'");
		check("care rhythm: no customer has two visits for one rhythm period (" + rhythm + " visits)", visits == 0,
				visits + " have");
		long reminders = count("""
				select count(*) from (select target_id, details from audit_event where action = 'AGREEMENT_TERM_ENDING'
				group by target_id, details having count(*) > 1) d""");
		check("agreement reminders: none raised twice", reminders == 0, reminders + " were");
		long alerts = count("""
				select count(*) from (select target_id, details from audit_event where action = 'RISK_ALERT_RAISED'
				group by target_id, details having count(*) > 1) d""");
		check("risk evaluation: no alert raised twice", alerts == 0, alerts + " were");
		long reencrypted = count("select count(*) from audit_event where action = 'KEYS_REENCRYPTED'"
				+ " and actor_id is null and details not like '%\"rows\":0%'");
		long older = count("""
				select count(*) from audit_event where action = 'KEYS_REENCRYPTED' and actor_id is null""");
		System.out.println("     (scheduled re-encryptions: " + older + ", of which rewrote rows: " + reencrypted + ")");
		check("re-encryption after the rotation: done by one scheduled run", reencrypted == 1,
				reencrypted + " scheduled runs rewrote rows");
	}

	/**
	 * A handover of 20,000 customers on A, killed (kill -9) half-way: nothing is done twice, nothing lost, and the
	 * other instance finishes it.
	 */
	static void handover() throws Exception {
		killedHalfWay("south.sales4", "handover", "{\"acceptMissingNotes\":true}", "HANDOVER");
	}

	/**
	 * A termination (a departure) of a rep with 20,000 customers on A, killed half-way: the last-working-day job of
	 * B finishes it by itself.
	 */
	static void departure() throws Exception {
		killedHalfWay("south.sales3", "terminate", "{\"reason\":\"集群测试：即时解约\"}", "DEPARTURE");
	}

	static void killedHalfWay(String username, String act, String body, String kind) throws Exception {
		String hr = token(B, "hr.manager");
		String leaver = token(B, username);
		long leaverId = number(get(B, "/api/v1/me", leaver).body(), "id");
		String tag = Long.toString(System.currentTimeMillis(), 36);
		sql("""
				insert into customer (name, normalized_name, kind, level, owner_id, created_by)
				select '交接测试客户' || g || '号' || ?, '交接测试客户' || g || '号' || ?, 'PERSON',
				       (array['C','D'])[1 + g % 2], ?, ?
				from generate_series(1, 20000) g""", tag, tag, leaverId, leaverId);
		long owned = count("select count(*) from customer where owner_id = ?", leaverId);
		check("the leaver owns 20,000 customers and more", owned >= 20000, owned + "");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Response resigned = post(B, "/api/v1/employees/" + leaverId + "/resignation", hr,
				"{\"noticeDate\":\"" + today + "\",\"lastWorkingDay\":\"" + today.plusDays(30) + "\",\"reason\":\"集群测试\"}");
		check("resignation recorded (201)", resigned.status() == 201, resigned.status() + " " + resigned.body());
		long caseId = number(resigned.body(), "id");

		Thread run = new Thread(() -> {
			try {
				post(A, "/api/v1/offboarding/" + caseId + "/" + act, hr, body);
			}
			catch (Exception ex) {
				// killed
			}
		});
		run.start();
		long deadline = System.nanoTime() + 300_000_000_000L;
		while (System.nanoTime() < deadline && done(caseId) == 0) {
			sleep(20);
		}
		long pid = Long.getLong("cluster.pid.a");
		ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
		long total = count("select count(*) from handover_item where case_id = ?", caseId);
		long atKill = done(caseId);
		System.out.printf("     A killed with %d of %d customers moved%n", atKill, total);
		check("A was killed half-way through the " + act, atKill > 0 && atKill < total, atKill + " of " + total);
		run.join();

		if (kind.equals("HANDOVER")) {
			// B's last-working-day job (every 10 s here) takes up a handover quiet for
			// resume-after (15 s here)
			long until = System.nanoTime() + 90_000_000_000L;
			while (System.nanoTime() < until && done(caseId) < total) {
				sleep(500);
			}
			long later = done(caseId);
			check("B finishes the abandoned handover by itself (within 90 s)", later == total,
					later + " of " + total + " done");
			Response again = post(B, "/api/v1/offboarding/" + caseId + "/handover", hr, body);
			check("the handover asked again on B finishes (200)", again.status() == 200,
					again.status() + " " + again.body());
		}
		else {
			// the last-working-day job (every 10 s here) takes up a departed case with undone rows
			long until = System.nanoTime() + 60_000_000_000L;
			while (System.nanoTime() < until && done(caseId) < total) {
				sleep(500);
			}
			check("B finishes the abandoned departure by itself (within 60 s)", done(caseId) == total,
					done(caseId) + " of " + total + " done");
		}
		check("nothing lost: the leaver owns no customer",
				count("select count(*) from customer where owner_id = ?", leaverId) == 0,
				count("select count(*) from customer where owner_id = ?", leaverId) + " left");
		check("nothing lost: every row of the plan is done", done(caseId) == total, "");
		long twice = count("""
				select count(*) from (select customer_id from customer_owner_history where kind = ?
				and old_owner_id = ? and customer_id in (select customer_id from handover_item where case_id = ?)
				group by customer_id having count(*) > 1) d""", kind, leaverId, caseId);
		check("nothing twice: one ownership change per customer", twice == 0, twice + " customers moved twice");
		long changes = count("""
				select count(*) from customer_owner_history where kind = ? and old_owner_id = ?
				and customer_id in (select customer_id from handover_item where case_id = ?)""", kind, leaverId,
				caseId);
		check("one ownership change for each customer of the plan", changes == total, changes + " for " + total);
		long audited = count("""
				select count(*) from audit_event where action = 'CUSTOMER_REASSIGNED' and details like ?""",
				"%\"caseId\":" + caseId + ",%");
		check("one CUSTOMER_REASSIGNED audit event per customer", audited == total, audited + " for " + total);
	}

	static long done(long caseId) throws Exception {
		return count("select count(*) from handover_item where case_id = ? and done_at is not null", caseId);
	}

	// --- the database ------------------------------------------------------------------------------------------------

	static Connection database() throws Exception {
		return DriverManager.getConnection(System.getProperty("cluster.jdbc"), "postgres", "");
	}

	static void sql(String sql, Object... params) throws Exception {
		try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			s.execute();
		}
	}

	static long count(String sql, Object... params) throws Exception {
		try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			try (ResultSet r = s.executeQuery()) {
				r.next();
				return r.getLong(1);
			}
		}
	}

	// --- checks ------------------------------------------------------------------------------------------------------

	static void check(String name, boolean passed, String detail) {
		if (passed) {
			System.out.println("PASS " + name);
		}
		else {
			fail(name + (detail.isEmpty() ? "" : ": " + detail));
		}
	}

	static void fail(String message) {
		failures++;
		System.out.println("FAIL " + message);
	}

	/** A web page (no redirect followed) or API request is refused within one second. */
	static void refusedWithin(String name, Callable request) throws Exception {
		long started = System.nanoTime();
		Response last = null;
		while (System.nanoTime() - started < 1_000_000_000L) {
			last = request.call();
			if (refused(last)) {
				check(name + " (after " + (System.nanoTime() - started) / 1_000_000 + " ms)", true, "");
				return;
			}
			sleep(50);
		}
		check(name, false, "still " + last.status() + " after one second");
	}

	static boolean refused(Response r) {
		return r.status() == 401
				|| (r.status() == 302 && Optional.ofNullable(r.header("Location")).orElse("").contains("/login"));
	}

	static boolean allOk(Callable1 status, int times) throws Exception {
		for (int i = 0; i < times; i++) {
			if (status.call() != 200) {
				return false;
			}
		}
		return true;
	}

	interface Callable {

		Response call() throws Exception;

	}

	interface Callable1 {

		int call() throws Exception;

	}

	static class Set extends java.util.TreeSet<String> {

	}

	// --- HTTP --------------------------------------------------------------------------------------------------------

	record Response(int status, String body, Map<String, List<String>> headers) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		List<String> all(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.toList();
		}

	}

	static String token(String base, String username) throws Exception {
		Response r = post(base, "/api/v1/auth/token", null,
				"{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
		if (r.status() != 200) {
			throw new AssertionError("no token for " + username + ": " + r.status() + " " + r.body());
		}
		return string(r.body(), "token");
	}

	static Response get(String base, String path, String token) throws Exception {
		return send(base, "GET", path, token, null);
	}

	static Response post(String base, String path, String token, String json) throws Exception {
		return send(base, "POST", path, token, json);
	}

	static Response delete(String base, String path, String token) throws Exception {
		return send(base, "DELETE", path, token, null);
	}

	static Response send(String base, String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Response(r.statusCode(), r.body(), r.headers().map());
	}

	/** A browser: its own cookies, sent to whichever instance it asks. */
	static final class Browser {

		final Map<String, String> cookies = new LinkedHashMap<>();

		static Browser login(String base, String username) throws Exception {
			Browser browser = new Browser();
			Response page = browser.page(base, "/login");
			String csrf = hidden(page.body(), "_csrf");
			Response login = browser.form(base, "/login",
					Map.of("username", username, "password", PASSWORD, "_csrf", csrf));
			String location = Optional.ofNullable(login.header("Location")).orElse("");
			if (login.status() != 302 || location.contains("/login")) {
				throw new AssertionError("login of " + username + " on " + base + " failed: " + login.status() + " "
						+ location);
			}
			return browser;
		}

		Response page(String base, String path) throws Exception {
			return request(base, path, HttpRequest.newBuilder(URI.create(base + path)).GET());
		}

		Response form(String base, String path, Map<String, String> fields) throws Exception {
			StringBuilder body = new StringBuilder();
			fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
			return request(base, path,
					HttpRequest.newBuilder(URI.create(base + path))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
		}

		/** Logs out with the CSRF token of a page (the form in the navigation bar). */
		Response logout(String base) throws Exception {
			Response page = page(base, "/customers");
			Matcher meta = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
			if (!meta.find()) {
				throw new AssertionError("no CSRF token on /customers: " + page.status());
			}
			return form(base, "/logout", Map.of("_csrf", meta.group(1)));
		}

		private Response request(String base, String path, HttpRequest.Builder request) throws Exception {
			if (!this.cookies.isEmpty()) {
				request.header("Cookie", String.join("; ",
						this.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
			}
			HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			for (String set : r.headers().allValues("Set-Cookie")) {
				String pair = set.split(";", 2)[0];
				int eq = pair.indexOf('=');
				String value = pair.substring(eq + 1);
				if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
					this.cookies.remove(pair.substring(0, eq));
				}
				else {
					this.cookies.put(pair.substring(0, eq), value);
				}
			}
			return new Response(r.statusCode(), r.body(), r.headers().map());
		}

	}

	// --- JSON and HTML, just enough -----------------------------------------------------------------------------------

	static String hidden(String html, String name) {
		Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
		if (!m.find()) {
			throw new AssertionError("no hidden field " + name);
		}
		return m.group(1);
	}

	static String string(String json, String field) {
		Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		if (!m.find()) {
			throw new AssertionError("no \"" + field + "\" in " + json);
		}
		return m.group(1);
	}

	static long number(String json, String field) {
		List<Long> all = numbers(json, field);
		if (all.isEmpty()) {
			throw new AssertionError("no \"" + field + "\" in " + json);
		}
		return all.get(0);
	}

	static List<Long> numbers(String json, String field) {
		Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
		List<Long> all = new ArrayList<>();
		while (m.find()) {
			all.add(Long.parseLong(m.group(1)));
		}
		return all;
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
