package dev.holdfast;

import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail configured for the tests of one class, against one real SMTP server (GreenMail)
 * per test JVM, started when the first class asks for it: the class starts with an empty
 * mailbox and the shared context with a {@link JavaMailSender} to it, as
 * {@code spring.mail.host} and {@code spring.mail.port} would give, and the sender is
 * gone again after the class (the other tests run without mail, as configured).
 */
public class MailServer extends ContextSwitch {

	private static final String SENDER = "holdfastTestMailSender";

	/** The server, started on first use and stopped when the JVM exits. */
	public static GreenMail smtp() {
		return Holder.SMTP;
	}

	@Override
	protected Runnable apply(ApplicationContext context) {
		GreenMail smtp = smtp();
		try {
			smtp.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			throw new IllegalStateException(ex);
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("localhost");
		sender.setPort(smtp.getSmtp().getPort());
		// Boot's default for spring.mail.default-encoding
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		var beans = (DefaultListableBeanFactory) ((ConfigurableApplicationContext) context).getBeanFactory();
		beans.registerSingleton(SENDER, sender);
		return () -> beans.destroySingleton(SENDER);
	}

	private static final class Holder {

		private static final GreenMail SMTP = start();

		private static GreenMail start() {
			GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			smtp.start();
			Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "greenmail-stop"));
			return smtp;
		}

	}

}
