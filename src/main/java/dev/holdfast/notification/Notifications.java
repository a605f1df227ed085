package dev.holdfast.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;

/**
 * Notifications to one employee: stored for the bell and the notifications page, and
 * e-mailed (after the sending transaction commits) when mail is configured and the
 * employee has an address. Each employee reads only their own.
 */
@Service
public class Notifications {

	private static final TypeReference<List<String>> ARGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final MessageSource messages;

	private final NotificationMail mail;

	private final OrganizationManagement organization;

	Notifications(JdbcClient jdbc, ObjectMapper json, MessageSource messages, NotificationMail mail,
			OrganizationManagement organization) {
		this.jdbc = jdbc;
		this.json = json;
		this.messages = messages;
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
			.params(employeeId, kind, title.key(), this.json.writeValueAsString(title.args()),
					body == null ? null : body.key(),
					this.json.writeValueAsString(body == null ? List.of() : body.args()), link)
			.query(Long.class)
			.single();
		if (this.mail.configured()) {
			String to = this.organization.employee(employeeId).email();
			afterCommit(() -> this.mail.send(to, title, body, link));
		}
		return id;
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
			.params(employeeId, kind, link, this.json.writeValueAsString(title.args()))
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
		List<NotificationView> items = this.jdbc.sql("""
				select id, kind, title, title_args::text, body, body_args::text, link, created_at, read_at
				from notification where employee_id = :me and (not :unread or read_at is null)
				order by created_at desc, id desc limit :size offset :offset""")
			.param("me", me)
			.param("unread", unreadOnly)
			.param("size", page.size())
			.param("offset", page.page() * page.size())
			.query(this::view)
			.list();
		long total = this.jdbc
			.sql("select count(*) from notification where employee_id = :me and (not :unread or read_at is null)")
			.param("me", me)
			.param("unread", unreadOnly)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), total);
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
		return this.jdbc.sql("""
				select id, kind, title, title_args::text, body, body_args::text, link, created_at, read_at
				from notification where id = ?""").param(id).query(this::view).single();
	}

	private NotificationView view(ResultSet rs, int row) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new NotificationView(rs.getLong("id"), rs.getString("kind"), text(rs.getString(3), rs.getString(4)),
				text(rs.getString(5), rs.getString(6)), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
				read == null ? null : read.toInstant());
	}

	private String text(String key, String args) {
		if (key == null) {
			return null;
		}
		Object[] values = this.json.readValue(args, ARGS).toArray();
		return this.messages.getMessage(key, values, key, LocaleContextHolder.getLocale());
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
