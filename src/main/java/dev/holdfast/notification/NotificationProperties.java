package dev.holdfast.notification;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notifications by e-mail, sent only when {@code spring.mail.host} is set.
 *
 * @param mailFrom the sender of notification e-mails
 * @param mailLocale the language of e-mails (employees have no language of their own yet)
 */
@ConfigurationProperties("holdfast.notification")
record NotificationProperties(@DefaultValue("holdfast@localhost") String mailFrom,
		@DefaultValue("zh_CN") Locale mailLocale) {
}
