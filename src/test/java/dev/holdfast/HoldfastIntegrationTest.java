package dev.holdfast;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The whole application on a random port against the test JVM's embedded PostgreSQL. All
 * such tests share one application context and one database, so each creates its own
 * departments, employees and customers with unique names
 * ({@link TestData#unique(String)}).
 * <p>
 * Keep it one context: a test that needs another setting switches the running context for
 * its class ({@link ContextSwitch}: {@link MailServer}, the S3 bucket, two-factor,
 * four-eyes, reading limits) rather than adding properties, {@code @MockitoBean}s or
 * {@code @DirtiesContext}, each of which starts another application. Single sign-on is
 * configured for all ({@link SingleSignOnProvider}). Only a test that needs a database of
 * its own has its own context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(SingleSignOnProvider.class)
public @interface HoldfastIntegrationTest {

}
