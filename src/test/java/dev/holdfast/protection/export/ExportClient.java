package dev.holdfast.protection.export;

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

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;

/**
 * Export requests, and the raw HTTP that {@link Api} does not do: binary downloads and
 * multipart uploads. {@link #markedCustomers} makes the customers the export tests look
 * for.
 */
public final class ExportClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final TestData data;

	public ExportClient(int port, TestData data) {
		this.port = port;
		this.data = data;
	}

	/**
	 * Six customers with contacts of the company's owner and one of its outsider, whose
	 * names all contain a marker of their own.
	 */
	public Marked markedCustomers(Company company) {
		String marker = TestData.unique("导");
		String[] names = { "王芳", "李强", "张伟", "刘洋", "陈静", "杨磊" };
		List<String> phones = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			String phone = TestData.uniqueMobile();
			phones.add(phone);
			this.data.customerWithContact(company.owner, "上海" + marker + "星河贸易" + i + "有限公司", names[i], phone);
		}
		String outsiderCustomer = "成都" + marker + "外人科技有限公司";
		String outsiderPhone = TestData.uniqueMobile();
		this.data.customerWithContact(company.outsider, outsiderCustomer, "赵敏", outsiderPhone);
		return new Marked(marker, List.copyOf(phones), outsiderCustomer, outsiderPhone);
	}

	/**
	 * The marker in every name, the phones of the owner's contacts, and the outsider's
	 * customer and contact phone, which must never appear in the owner's region's
	 * exports.
	 */
	public record Marked(String marker, List<String> repPhones, String outsiderCustomer, String outsiderPhone) {
	}

	/** Requests an export of the marked customers; returns the 202 answer. */
	public Api.Response export(Employee who, String entity, String format, boolean unmasked, Marked marked) {
		return export(who, entity, format, unmasked, marked.marker());
	}

	public Api.Response export(Employee who, String entity, String format, boolean unmasked, String q) {
		return this.data.api()
			.post(this.data.token(who), "/api/v1/exports",
					Map.of("entity", entity, "format", format, "unmasked", unmasked, "filter", Map.of("q", q)));
	}

	public HttpResponse<byte[]> download(String token, long id) {
		return send(HttpRequest.newBuilder(uri("/api/v1/exports/" + id + "/file"))
			.header("Authorization", "Bearer " + token)
			.GET());
	}

	public String csv(String token, long id) {
		HttpResponse<byte[]> response = download(token, id);
		if (response.statusCode() != 200) {
			throw new AssertionError("download: " + response.statusCode() + " " + new String(response.body()));
		}
		return new String(response.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
	}

	public Api.Response traceFile(String token, String fileName, byte[] content) {
		return asApi(upload("/api/v1/leak-trace", "Authorization", "Bearer " + token, fileName, content));
	}

	/** A multipart upload of one file in the part {@code file}, with one header. */
	public HttpResponse<byte[]> upload(String path, String header, String value, String fileName, byte[] content) {
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

	public Api.Response traceText(String token, String text) {
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

}
