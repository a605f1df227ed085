package dev.holdfast.salesday;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A sales day (issue 14, item 8): reps, managers and service agents log in through the API, as the app on their
 * phones does, and work for {@code salesday.seconds} with human pauses between their steps. A rep lists their
 * customers, opens one (details, follow-ups, contacts), then records a follow-up (one in five with a photo from the
 * phone), reveals a contact's number to call back, searches, or looks at their reminders. A manager looks at the
 * dashboard, the team's list and overdue customers, searches and opens a customer. A service agent lists the
 * customers they serve, their care visits and complaints. The pace keeps every user well inside the product's limits
 * (reveal quota 30 a day, reading budgets, risk floors): a realistic user never meets them, so every answer must be
 * a success. Users log in once, at the start, over {@code salesday.ramp-seconds}.
 */
public class SalesDaySimulation extends Simulation {

	static final SalesDay DAY = SalesDay.fromSystemProperties();

	/** A photo as a phone takes it: 12 megapixels, a few MB of JPEG. */
	static final byte[] PHOTO = photo(Integer.getInteger("salesday.photo-width", 4000),
			Integer.getInteger("salesday.photo-height", 3000));

	/** When every user stops: the end of the phase, whenever they logged in (set once seeding is done). */
	static volatile long end = Long.MAX_VALUE;

	HttpProtocolBuilder protocol = http.baseUrl(DAY.base())
		.acceptHeader("application/json")
		.acceptLanguageHeader("zh-CN,zh;q=0.9")
		.userAgentHeader("Holdfast sales day (Gatling)");

	ChainBuilder login = exec(http("login").post("/api/v1/auth/token")
		.body(StringBody(session -> "{\"username\":\"" + session.getString("username") + "\",\"password\":\""
				+ DAY.password() + "\"}"))
		.asJson()
		.check(status().is(200), jsonPath("$.token").saveAs("token")))
		// a user whose login failed stops there (it is counted once, as the login's error)
		.exitHereIfFailed();

	ChainBuilder list = exec(authorised(http("list").get("/api/v1/customers?size=20"))
		.check(status().is(200), jsonPath("$.items[*].id").findAll().optional().saveAs("customers")));

	/** A customer of the list opened: the page shows details, the timeline and the contacts. */
	ChainBuilder open = exec(session -> session.set("customer", pick(session.getList("customers"))))
		.exec(authorised(http("detail").get("/api/v1/customers/#{customer}")).check(status().is(200)))
		.exec(authorised(http("follow-ups of customer").get("/api/v1/customers/#{customer}/follow-ups"))
			.check(status().is(200)))
		.exec(authorised(http("contacts").get("/api/v1/customers/#{customer}/contacts"))
			.check(status().is(200), jsonPath("$[*].id").findAll().optional().saveAs("contactIds")));

	ChainBuilder followUp = exec(authorised(http("follow-up").post("/api/v1/customers/#{customer}/follow-ups"))
		.body(StringBody(SalesDaySimulation::followUpBody))
		.asJson()
		.check(status().is(201)));

	ChainBuilder followUpWithPhoto = exec(
			authorised(http("follow-up with photo").post("/api/v1/customers/#{customer}/follow-ups"))
				.body(StringBody(session -> "{\"kind\":\"VISIT\",\"content\":\"上门拜访，查看了客户生产线，拍照记录现场设备情况，"
						+ "客户计划下季度扩产。\"}"))
				.asJson()
				.check(status().is(201), jsonPath("$.id").saveAs("followUp")))
		.exec(authorised(http("photo upload").post("/api/v1/follow-ups/#{followUp}/attachments"))
			.bodyPart(ByteArrayBodyPart("file", PHOTO).fileName("IMG_2026.jpg").contentType("image/jpeg"))
			.asMultipartForm()
			.check(status().is(201)));

	ChainBuilder reveal = exec(session -> session.set("contact", pick(session.getList("contactIds"))))
		.exec(authorised(http("reveal").post("/api/v1/contacts/#{contact}/reveal"))
			.body(StringBody("{\"field\":\"phone\",\"reason\":\"回电客户\"}"))
			.asJson()
			.check(status().is(200)));

	ChainBuilder search = exec(authorised(http("search").get(session -> "/api/v1/customers?size=20&q="
			+ java.net.URLEncoder.encode(SalesDay.city(ThreadLocalRandom.current().nextInt(1000), 1),
					java.nio.charset.StandardCharsets.UTF_8)))
		.check(status().is(200)));

	ChainBuilder reminders = exec(authorised(http("reminders").get("/api/v1/reminders")).check(status().is(200)));

	ScenarioBuilder reps = scenario("reps").feed(users(DAY.reps(), SalesDay::rep))
		.exec(this.login)
		.exec(workday(exec(this.list).pause(3, 8)
			.doIf(session -> session.contains("customers"))
			.then(this.open)
			.pause(10, 25)
			.randomSwitch()
			.on(percent(35.0).then(doIf(session -> session.contains("customer")).then(this.followUp)),
					percent(10.0).then(doIf(session -> session.contains("customer")).then(this.followUpWithPhoto)),
					percent(6.0).then(doIf(session -> session.contains("contactIds")).then(this.reveal)),
					percent(15.0).then(this.search), percent(34.0).then(this.reminders))
			.pause(20, 50)));

	ScenarioBuilder managers = scenario("managers").feed(users(DAY.managers(), SalesDay::manager))
		.exec(this.login)
		.exec(workday(exec(authorised(http("dashboard").get("/api/v1/dashboard")).check(status().is(200)))
			.pause(10, 30)
			.exec(authorised(http("team list").get("/api/v1/customers?size=20"))
				.check(status().is(200), jsonPath("$.items[*].id").findAll().optional().saveAs("customers")))
			.pause(5, 15)
			.exec(authorised(http("team reminders").get("/api/v1/reminders/team")).check(status().is(200)))
			.pause(10, 30)
			.randomSwitch()
			.on(percent(50.0).then(this.search), percent(50.0).then(this.open))
			.pause(30, 60)));

	ScenarioBuilder service = scenario("service").feed(users(DAY.service(), SalesDay::service))
		.exec(this.login)
		.exec(workday(exec(authorised(http("care visits").get("/api/v1/care-visits")).check(status().is(200)))
			.pause(5, 15)
			.exec(authorised(http("complaints").get("/api/v1/complaints")).check(status().is(200)))
			.pause(5, 15)
			.exec(this.list)
			.pause(5, 15)
			.doIf(session -> session.contains("customers"))
			.then(this.open)
			.pause(30, 60)));

	{
		if (DAY.seedOnly()) {
			setUp(scenario("seed").exec(pause(1)).injectOpen(atOnceUsers(1))).protocols(this.protocol);
		}
		else {
			setUp(this.reps.injectOpen(spread(DAY.reps())), this.managers.injectOpen(spread(DAY.managers())),
				this.service.injectOpen(spread(DAY.service())))
			.protocols(this.protocol)
			.assertions(global().failedRequests().count().is(0L));
		}
	}

	@Override
	public void before() {
		System.out.printf("[sales-day] %s: %d reps, %d managers, %d service agents for %d s (login over %d s) at %s; "
				+ "photo %d KB%n", DAY.phase(), DAY.reps(), DAY.managers(), DAY.service(), DAY.duration().toSeconds(),
				DAY.ramp().toSeconds(), DAY.base(), PHOTO.length / 1024);
		if (DAY.seed()) {
			try {
				new SalesDaySeed(DAY.base(), DAY).run();
			}
			catch (Exception ex) {
				throw new IllegalStateException("seeding failed", ex);
			}
		}
		end = System.currentTimeMillis() + DAY.duration().toMillis();
	}

	/**
	 * The steps repeated until the end of the phase (a step under way is left at the end). Not {@code during} with
	 * the time left: Gatling evaluates that duration again at each check, against the loop's start, so users
	 * stopped half-way between their login and the end.
	 */
	private static ChainBuilder workday(ChainBuilder steps) {
		return asLongAs(session -> System.currentTimeMillis() < end, true).on(steps);
	}

	private static OpenInjectionStep spread(int users) {
		return rampUsers(users).during(DAY.ramp());
	}

	private static HttpRequestActionBuilder authorised(HttpRequestActionBuilder request) {
		return request.header("Authorization", "Bearer #{token}");
	}

	private static Iterator<Map<String, Object>> users(int count, Function<Integer, String> username) {
		AtomicInteger next = new AtomicInteger();
		return Stream.generate(() -> Map.<String, Object>of("username", username.apply(next.incrementAndGet())))
			.limit(count)
			.iterator();
	}

	private static Object pick(List<Object> values) {
		return values.get(ThreadLocalRandom.current().nextInt(values.size()));
	}

	private static String followUpBody(Session session) {
		String next = Instant.now().plus(3 + ThreadLocalRandom.current().nextInt(10), ChronoUnit.DAYS).toString();
		return "{\"kind\":\"CALL\",\"content\":\"电话沟通了新一季度的报价，客户对交货周期有顾虑，约定下周再确认样品测试结果。\","
				+ "\"nextContactAt\":\"" + next + "\"}";
	}

	/** A JPEG of the given size with gradients and noise, so that it compresses like a photo. */
	static byte[] photo(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, new Color(90, 140, 200), width, height, new Color(200, 170, 120)));
		g.fillRect(0, 0, width, height);
		g.dispose();
		Random random = new Random(2026);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int rgb = image.getRGB(x, y);
				int noise = random.nextInt(24) - 12;
				int r = Math.max(0, Math.min(255, ((rgb >> 16) & 0xff) + noise));
				int gr = Math.max(0, Math.min(255, ((rgb >> 8) & 0xff) + noise));
				int b = Math.max(0, Math.min(255, (rgb & 0xff) + noise));
				image.setRGB(x, y, (r << 16) | (gr << 8) | b);
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}
