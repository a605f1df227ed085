package dev.holdfast.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.BaseUrl;

/**
 * Sends a notification by e-mail when mail is configured (Boot creates a
 * {@link JavaMailSender} only when {@code spring.mail.host} is set). A failed e-mail is
 * logged: the in-app notification is there anyway.
 */
@Component
class NotificationMail {

	private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final MessageSource messages;

	private final NotificationProperties properties;

	private final BaseUrl baseUrl;

	NotificationMail(ObjectProvider<JavaMailSender> sender, MessageSource messages, NotificationProperties properties,
			BaseUrl baseUrl) {
		this.baseUrl = baseUrl;
		this.sender = sender;
		this.messages = messages;
		this.properties = properties;
	}

	boolean configured() {
		return this.sender.getIfAvailable() != null;
	}

	void send(String to, NotificationText title, NotificationText body, String link) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null || to == null || to.isBlank()) {
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.mailFrom());
		message.setTo(to);
		message.setSubject(text(title));
		String text = body == null ? "" : text(body);
		message.setText(link == null ? text : text + "\n\n" + this.baseUrl.of(link));
		try {
			mail.send(message);
		}
		catch (MailException ex) {
			log.warn("Notification e-mail could not be sent: {}", ex.getMessage());
		}
	}

	private String text(NotificationText text) {
		return this.messages.getMessage(text.key(), text.args().toArray(), text.key(), this.properties.mailLocale());
	}

}
