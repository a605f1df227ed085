package dev.holdfast.protection;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

/**
 * A region whose manager exports, a rep with customers and contacts, and an unrelated
 * region with its own manager and a rep whose customer must never appear in an export.
 * Also the raw HTTP that {@link Api} does not do: binary downloads and multipart uploads.
 */
final class ExportWorld {

	private static final AtomicLong phones = new AtomicLong(System.nanoTime() % 10_000_000L);

	final Api api;

	final TestData data;

	final int port;

	final Employee manager;

	final Employee rep;

	final Employee otherManager;

	final Employee outsider;

	/** Unique to this world: every customer name here contains it. */
	final String marker;

	final List<String> repPhones = new ArrayList<>();

	final String outsiderPhone = mobile();

	final String outsiderCustomer;

	private final HttpClient http = HttpClient.newHttpClient();

	ExportWorld(int port) {
		this.port = port;
		this.api = new Api(port);
		this.data = new TestData(this.api);
		long region = this.data.department("华东区", null);
		long team = this.data.department("上海销售一组", region);
		long elsewhere = this.data.department("西南区", null);
		this.manager = this.data.employee("xmgr", region, null, "SALES_MANAGER");
		this.rep = this.data.employee("xrep", team, this.manager.id(), "SALES");
		this.otherManager = this.data.employee("xmgr", elsewhere, null, "SALES_MANAGER");
		this.outsider = this.data.employee("xrep", elsewhere, this.otherManager.id(), "SALES");
		this.marker = TestData.unique("导");
		String[] names = { "王芳", "李强", "张伟", "刘洋", "陈静", "杨磊" };
		for (int i = 0; i < names.length; i++) {
			String phone = mobile();
			this.repPhones.add(phone);
			customerWithContact(this.rep, "上海" + this.marker + "星河贸易" + i + "有限公司", names[i], phone);
		}
		this.outsiderCustomer = "成都" + this.marker + "外人科技有限公司";
		customerWithContact(this.outsider, this.outsiderCustomer, "赵敏", this.outsiderPhone);
	}

	String token(Employee employee) {
		return this.data.token(employee);
	}

	long customerWithContact(Employee owner, String name, String contact, String phone) {
		String token = token(owner);
		Api.Response customer = this.api.post(token, "/api/v1/customers",
				Map.of("name", name, "kind", "COMPANY", "level", "A", "region", "上海市"));
		check(customer, 201);
		check(this.api.post(token, "/api/v1/customers/" + customer.id() + "/contacts",
				Map.of("name", contact, "phone", phone, "email", "c" + phone + "@example.cn", "title", "采购经理",
						"address", "上海市浦东新区张江路" + phone.substring(7) + "号")),
				201);
		return customer.id();
	}

	/** Requests an export of this world's customers; returns the 202 answer. */
	Api.Response export(Employee who, String entity, String format, boolean unmasked) {
		return export(who, entity, format, unmasked, this.marker);
	}

	Api.Response export(Employee who, String entity, String format, boolean unmasked, String q) {
		return this.api.post(token(who), "/api/v1/exports",
				Map.of("entity", entity, "format", format, "unmasked", unmasked, "filter", Map.of("q", q)));
	}

	HttpResponse<byte[]> download(String token, long id) {
		return send(HttpRequest.newBuilder(uri("/api/v1/exports/" + id + "/file"))
			.header("Authorization", "Bearer " + token)
			.GET());
	}

	String csv(String token, long id) {
		HttpResponse<byte[]> response = download(token, id);
		if (response.statusCode() != 200) {
			throw new AssertionError("download: " + response.statusCode() + " " + new String(response.body()));
		}
		return new String(response.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
	}

	Api.Response traceFile(String token, String fileName, byte[] content) {
		return asApi(upload("/api/v1/leak-trace", "Authorization", "Bearer " + token, fileName, content));
	}

	/** A multipart upload of one file in the part {@code file}, with one header. */
	HttpResponse<byte[]> upload(String path, String header, String value, String fileName, byte[] content) {
		String boundary = UUID.randomUUID().toString();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(HttpRequest.newBuilder(uri(path))
			.header(header, value)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	Api.Response traceText(String token, String text) {
		return asApi(send(HttpRequest.newBuilder(uri("/api/v1/leak-trace"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "text/plain;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))));
	}

	private Api.Response asApi(HttpResponse<byte[]> response) {
		String raw = new String(response.body(), StandardCharsets.UTF_8);
		return new Api.Response(response.statusCode(),
				tools.jackson.databind.json.JsonMapper.builder().build().readTree(raw), raw);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String mobile() {
		return "137" + String.format("%08d", phones.incrementAndGet() % 100_000_000L);
	}

	static void check(Api.Response response, int status) {
		if (response.status() != status) {
			throw new AssertionError("expected " + status + " but got " + response);
		}
	}

}
