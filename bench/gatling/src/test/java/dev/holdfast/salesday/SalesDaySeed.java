package dev.holdfast.salesday;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sales company of the sales day, made through the API as an administrator and the managers would make it (no
 * SQL): a department with {@code managers} teams, each a manager and its share of the reps, and a service team, by the
 * administrator; then each manager moves the team's customers in from a spreadsheet (a CSV import: customer, contact,
 * phone, level, region, address and the owning rep, {@code customersPerRep} per rep, committed in the background), and
 * makes a service agent a member of ten of the team's level-A customers, as key customers have a second line.
 * Resumable: what exists is kept (usernames and departments are looked up, a team's customers are counted), so a
 * second run adds nothing.
 */
final class SalesDaySeed {

	static final String[] CITIES = { "上海", "深圳", "杭州", "南京", "苏州", "广州", "成都", "武汉", "宁波", "厦门" };

	static final String[] WORDS = { "精密机械", "新材料", "电子科技", "物流", "医疗器械", "食品", "建材", "化工", "纺织", "汽车配件" };

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭" };

	static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
			"超", "秀兰", "霞" };

	private final String base;

	private final SalesDay day;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final AtomicInteger requests = new AtomicInteger();

	SalesDaySeed(String base, SalesDay day) {
		this.base = base;
		this.day = day;
	}

	void run() throws Exception {
		long started = System.nanoTime();
		String admin = token(this.day.adminUsername(), this.day.adminPassword());
		long root = department(admin, "销售日压测", null);
		long serviceTeam = department(admin, "销售日压测客服组", root);
		List<Long> service = new ArrayList<>();
		for (int s = 1; s <= this.day.service(); s++) {
			service.add(employee(admin, SalesDay.service(s), serviceTeam, null, "SERVICE", 9000 + s));
		}
		ExecutorService pool = Executors.newFixedThreadPool(this.day.seedThreads());
		try {
			List<Future<Long>> teams = new ArrayList<>();
			for (int m = 1; m <= this.day.managers(); m++) {
				int team = m;
				teams.add(pool.submit(() -> department(admin, "销售日压测第" + team + "组", root)));
			}
			List<Future<Long>> managers = new ArrayList<>();
			for (int m = 1; m <= this.day.managers(); m++) {
				long department = teams.get(m - 1).get();
				int manager = m;
				managers.add(pool.submit(() -> employee(admin, SalesDay.manager(manager), department, null,
						"SALES_MANAGER", 8000 + manager)));
			}
			List<Future<?>> employees = new ArrayList<>();
			for (int r = 1; r <= this.day.reps(); r++) {
				int rep = r;
				int team = (r - 1) % this.day.managers();
				long department = teams.get(team).get();
				long manager = managers.get(team).get();
				employees.add(pool.submit(() -> employee(admin, SalesDay.rep(rep), department, manager, "SALES", rep)));
			}
			for (Future<?> employee : employees) {
				employee.get();
			}
			// the import workers take 2 imports at a time and queue 8: a few managers at once
			ExecutorService importers = Executors.newFixedThreadPool(4);
			try {
				List<Future<?>> imports = new ArrayList<>();
				for (int m = 1; m <= this.day.managers(); m++) {
					int team = m;
					long agent = service.get((m - 1) % service.size());
					imports.add(importers.submit(() -> {
						team(team, agent);
						return null;
					}));
				}
				for (Future<?> done : imports) {
					done.get();
				}
			}
			finally {
				importers.shutdown();
			}
		}
		finally {
			pool.shutdown();
		}
		System.out.printf("[sales-day] seeded %d managers, %d reps (%d customers each, imported), %d service agents: "
				+ "%d requests in %.0f s%n", this.day.managers(), this.day.reps(), this.day.customersPerRep(),
				this.day.service(), this.requests.get(), (System.nanoTime() - started) / 1e9);
	}

	/**
	 * The manager of team {@code team} (1-based) imports the customers of the team's reps, unless the team has them,
	 * and gives a service agent ten of its level-A customers.
	 */
	private void team(int team, long agent) throws Exception {
		String token = token(SalesDay.manager(team), this.day.password());
		List<Integer> reps = new ArrayList<>();
		for (int r = team; r <= this.day.reps(); r += this.day.managers()) {
			reps.add(r);
		}
		long expected = (long) reps.size() * this.day.customersPerRep();
		if (number(call("GET", "/api/v1/customers?size=1", token, null, 200), "total") < expected) {
			StringBuilder csv = new StringBuilder("客户名称,联系人,职务,手机,级别,地区,地址,负责人\n");
			for (int rep : reps) {
				for (int i = 1; i <= this.day.customersPerRep(); i++) {
					String city = SalesDay.city(rep, i);
					csv.append(city)
						.append(WORDS[(rep + i) % WORDS.length])
						.append("压测")
						.append(rep)
						.append("号")
						.append(i)
						.append("有限公司,")
						.append(name(rep * 31 + i))
						.append(",采购经理,")
						.append(String.format("177%04d%04d", rep, i))
						.append(',')
						.append((i == 1 || i % 4 == 0) ? "A" : (i % 3 == 0) ? "B" : "C")
						.append(',')
						.append(city)
						.append(',')
						.append(city)
						.append("市工业园区")
						.append(rep % 90 + 1)
						.append("号楼")
						.append(i)
						.append("层,")
						.append(SalesDay.rep(rep))
						.append('\n');
				}
			}
			String preview = upload(token, "销售日压测第" + team + "组客户.csv", csv.toString());
			long id = number(preview, "id");
			if (number(preview, "fresh") != expected) {
				throw new IllegalStateException("import of team " + team + " previewed: " + preview.substring(0,
						Math.min(preview.length(), 2000)));
			}
			while (true) {
				HttpResponse<String> commit = send("POST", "/api/v1/imports/" + id + "/commit", token,
						"{\"duplicates\":\"SKIP\",\"owner\":\"ME\"}");
				if (commit.statusCode() == 202) {
					break;
				}
				if (commit.statusCode() != 409 || !commit.body().contains("imports_busy")) {
					throw new IllegalStateException("commit of team " + team + " answered " + commit.statusCode()
							+ ": " + commit.body());
				}
				Thread.sleep(2000);
			}
			String status;
			do {
				Thread.sleep(2000);
				status = string(call("GET", "/api/v1/imports/" + id, token, null, 200), "status");
			}
			while (status.equals("COMMITTING"));
			if (!status.equals("COMMITTED")) {
				throw new IllegalStateException("import of team " + team + " ended " + status);
			}
		}
		String levelA = call("GET", "/api/v1/customers?level=A&size=10", token, null, 200);
		Matcher ids = Pattern.compile("\\{\"id\":(\\d+)").matcher(levelA);
		while (ids.find()) {
			call("PUT", "/api/v1/customers/" + ids.group(1) + "/members/" + agent, token, "{\"access\":\"READ\"}",
					200);
		}
	}

	private String upload(String token, String fileName, String csv) throws Exception {
		String boundary = "salesday" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/imports"))
			.timeout(Duration.ofSeconds(300))
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		this.requests.incrementAndGet();
		if (response.statusCode() != 201) {
			throw new IllegalStateException("import " + fileName + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

	private long department(String admin, String name, Long parent) throws Exception {
		synchronized (this) {
			String departments = call("GET", "/api/v1/departments", admin, null, 200);
			Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + Pattern.quote(name) + "\"").matcher(departments);
			if (m.find()) {
				return Long.parseLong(m.group(1));
			}
			return number(call("POST", "/api/v1/departments", admin,
					"{\"name\":\"" + name + "\",\"parentId\":" + parent + "}", 201), "id");
		}
	}

	private long employee(String admin, String username, long department, Long manager, String role, int n)
			throws Exception {
		String found = call("GET", "/api/v1/employees?q=" + username, admin, null, 200);
		Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"username\":\"" + Pattern.quote(username) + "\"")
			.matcher(found);
		if (m.find()) {
			return Long.parseLong(m.group(1));
		}
		return number(call("POST", "/api/v1/employees", admin,
				"{\"username\":\"" + username + "\",\"displayName\":\"" + name(n) + "\",\"password\":\""
						+ this.day.password() + "\",\"departmentId\":" + department + ",\"managerId\":" + manager
						+ ",\"roles\":[\"" + role + "\"],\"email\":\"" + username
						+ "@sales-day.holdfast.dev\",\"passwordChangeRequired\":false}",
				201), "id");
	}

	static String name(int n) {
		return SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length) % GIVEN.length];
	}

	private String token(String username, String password) throws Exception {
		return string(call("POST", "/api/v1/auth/token", null,
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", 200), "token");
	}

	private String call(String method, String path, String token, String json, int expected) throws Exception {
		HttpResponse<String> response = send(method, path, token, json);
		if (response.statusCode() != expected) {
			throw new IllegalStateException(
					method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(120))
			.header("Accept", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		this.requests.incrementAndGet();
		return response;
	}

	private static long number(String json, String field) {
		Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + field + " in " + json);
		}
		return Long.parseLong(m.group(1));
	}

	private static String string(String json, String field) {
		Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + field + " in " + json);
		}
		return m.group(1);
	}

}
