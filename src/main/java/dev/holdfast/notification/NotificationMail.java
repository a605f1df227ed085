package dev.holdfast.notification;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.web.BaseUrl;

/**
 * Sends a notification by e-mail when mail is configured (Boot creates a
 * {@link JavaMailSender} only when {@code spring.mail.host} is set). A failed e-mail is
 * logged: the in-app notification is there anyway.
 */
@Component
class NotificationMail {

	private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final NotificationProperties properties;

	private final BaseUrl baseUrl;

	NotificationMail(ObjectProvider<JavaMailSender> sender, NotificationProperties properties, BaseUrl baseUrl) {
		this.baseUrl = baseUrl;
		this.sender = sender;
		this.properties = properties;
	}

	boolean configured() {
		return this.sender.getIfAvailable() != null;
	}

	Locale locale() {
		return this.properties.mailLocale();
	}

	void send(String to, Letter letter, String link) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null || to == null || to.isBlank()) {
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.mailFrom());
		message.setTo(to);
		message.setSubject(letter.subject());
		message.setText(link == null ? letter.text() : letter.text() + "\n\n" + this.baseUrl.of(link));
		try {
			mail.send(message);
		}
		catch (MailException ex) {
			log.warn("Notification e-mail could not be sent: {}", ex.getMessage());
		}
	}

	/**
	 * An e-mail's subject and text, in the language of e-mails, composed when it is sent.
	 */
	record Letter(String subject, String text) {
	}

}
