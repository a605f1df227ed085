package dev.holdfast.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.holdfast.notification.NotificationText.Named;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;

/**
 * Notifications to one employee: stored for the bell and the notifications page, and
 * e-mailed (after the sending transaction commits) when mail is configured and the
 * employee has an address. Each employee reads only their own. Records a notice is about
 * are named when it is read, for its reader: on the page as the reader sees them then, in
 * the e-mail as its recipient sees them when it is sent.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final NotificationTexts texts;

	private final RecipientContext recipients;

	private final NotificationMail mail;

	private final OrganizationManagement organization;

	Notifications(JdbcClient jdbc, NotificationTexts texts, RecipientContext recipients, NotificationMail mail,
			OrganizationManagement organization) {
		this.jdbc = jdbc;
		this.texts = texts;
		this.recipients = recipients;
		this.mail = mail;
		this.organization = organization;
	}

	/**
	 * Notifies the employee; returns the notification's id.
	 * @param kind what it is about, e.g. {@code FOLLOW_UP_DIGEST}
	 * @param link a path in the application, e.g. {@code /reminders}, or null
	 */
	@Transactional
	public long send(long employeeId, String kind, NotificationText title, NotificationText body, String link) {
		long id = this.jdbc.sql("""
				insert into notification (employee_id, kind, title, title_args, body, body_args, link)
				values (?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?) returning id""")
			.params(employeeId, kind, title.key(), this.texts.json(title), body == null ? null : body.key(),
					this.texts.json(body), link)
			.query(Long.class)
			.single();
		if (this.mail.configured()) {
			String to = this.organization.employee(employeeId).email();
			NotificationMail.Letter letter = letter(employeeId, title, body);
			afterCommit(() -> this.mail.send(to, letter, link));
		}
		return id;
	}

	/** The e-mail's words, with the records named as its recipient may read them. */
	private NotificationMail.Letter letter(long recipient, NotificationText title, NotificationText body) {
		List<List<Object>> args = body == null ? List.of(title.values()) : List.of(title.values(), body.values());
		boolean namesRecords = args.stream().flatMap(List::stream).anyMatch(Named.class::isInstance);
		Map<Named, String> names = namesRecords
				? this.recipients.as(recipient, () -> this.texts.namesOf(args), Map.of()) : Map.of();
		Locale locale = this.mail.locale();
		return new NotificationMail.Letter(this.texts.text(title.key(), title.values(), names, locale),
				body == null ? "" : this.texts.text(body.key(), body.values(), names, locale));
	}

	/**
	 * Notifies the employee unless the same notice (kind, link and title) reached them
	 * already: for listeners, since events arrive at least once. Returns whether it sent.
	 */
	@Transactional
	public boolean sendOnce(long employeeId, String kind, NotificationText title, NotificationText body, String link) {
		boolean sent = this.jdbc.sql("""
				select exists (select 1 from notification where employee_id = ? and kind = ?
				               and link is not distinct from ? and title_args = cast(? as jsonb))""")
			.params(employeeId, kind, link, this.texts.json(title))
			.query(Boolean.class)
			.single();
		if (!sent) {
			send(employeeId, kind, title, body, link);
		}
		return !sent;
	}

	/** The caller's notifications, newest first. */
	@Transactional(readOnly = true)
	public PageResult<NotificationView> mine(boolean unreadOnly, PageRequest page) {
		long me = CurrentEmployee.id();
		List<Row> rows = this.jdbc.sql("""
				select id, kind, title, title_args::text, body, body_args::text, link, created_at, read_at
				from notification where employee_id = :me and (not :unread or read_at is null)
				order by created_at desc, id desc limit :size offset :offset""")
			.param("me", me)
			.param("unread", unreadOnly)
			.param("size", page.size())
			.param("offset", page.page() * page.size())
			.query(this::row)
			.list();
		long total = this.jdbc
			.sql("select count(*) from notification where employee_id = :me and (not :unread or read_at is null)")
			.param("me", me)
			.param("unread", unreadOnly)
			.query(Long.class)
			.single();
		return new PageResult<>(views(rows), page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	public long unreadCount() {
		return this.jdbc.sql("select count(*) from notification where employee_id = ? and read_at is null")
			.param(CurrentEmployee.id())
			.query(Long.class)
			.single();
	}

	/** Marks one of the caller's notifications read; 404 for anyone else's. */
	@Transactional
	public NotificationView markRead(long id) {
		long me = CurrentEmployee.id();
		int found = this.jdbc.sql("""
				update notification set read_at = coalesce(read_at, now()) where id = ? and employee_id = ?""")
			.params(id, me)
			.update();
		if (found == 0) {
			throw new NotFoundException("notification");
		}
		List<Row> rows = this.jdbc.sql("""
				select id, kind, title, title_args::text, body, body_args::text, link, created_at, read_at
				from notification where id = ?""").param(id).query(this::row).list();
		return views(rows).get(0);
	}

	/**
	 * The rows as the current employee reads them, in their language, with the records
	 * named that they may see now (one lookup per kind of record for the whole page).
	 */
	private List<NotificationView> views(List<Row> rows) {
		List<List<Object>> args = new ArrayList<>();
		rows.forEach(r -> {
			args.add(r.titleArgs());
			args.add(r.bodyArgs());
		});
		Map<Named, String> names = this.texts.namesOf(args);
		Locale locale = LocaleContextHolder.getLocale();
		return rows.stream()
			.map(r -> new NotificationView(r.id(), r.kind(), this.texts.text(r.title(), r.titleArgs(), names, locale),
					this.texts.text(r.body(), r.bodyArgs(), names, locale), r.link(), r.createdAt(), r.readAt()))
			.toList();
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new Row(rs.getLong("id"), rs.getString("kind"), rs.getString(3), this.texts.args(rs.getString(4)),
				rs.getString(5), this.texts.args(rs.getString(6)), rs.getString("link"),
				rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
	}

	private record Row(long id, String kind, String title, List<Object> titleArgs, String body, List<Object> bodyArgs,
			String link, Instant createdAt, Instant readAt) {
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
