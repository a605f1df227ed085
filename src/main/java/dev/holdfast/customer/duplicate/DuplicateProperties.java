package dev.holdfast.customer.duplicate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily budget of the duplicate check on contacts' phone numbers and e-mail
 * addresses, per employee, renewed at the start of the company's day in
 * {@code holdfast.zone}. Past either number every phone or e-mail write that needs the
 * check answers 429 until the next day.
 *
 * @param refusalsPerDay how many duplicate refusals (409) one employee may get per day
 * (default 20): each is a confirmed "this number exists elsewhere"
 * @param checksPerDay how many values one employee may have checked per day, refused or
 * not (default 200): bounds the "no" answers as well, far above what entering contacts by
 * hand needs
 * @param previewChecksPerDay how many values one employee's import previews may have
 * checked per day, found or not (default 2,000: about a thousand rows with a phone each;
 * an administrator, who sees every customer, has no budget and imports the rest). Every
 * answer counts: unmasking one masked mobile ({@code 199****8130}) by guessing takes up
 * to 10,000 answers, five days of this allowance, each preview audited. An importer who
 * needs more for one import asks an administrator for it (imports'
 * {@code ImportAllowances}); the approved values serve that import alone
 */
@ConfigurationProperties("holdfast.customer.duplicates")
record DuplicateProperties(@DefaultValue("20") int refusalsPerDay, @DefaultValue("200") int checksPerDay,
		@DefaultValue("2000") int previewChecksPerDay) {
}
