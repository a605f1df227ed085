package dev.holdfast.organization;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an employee serving notice (LEAVING) may no longer do, as permission codes: taken
 * away at once on every instance, since roles are reloaded on every request. They keep
 * working on their own customers (follow-ups, contacts).
 *
 * @param restricted permission codes refused during the notice period, whatever the
 * employee's roles grant
 */
@ConfigurationProperties("holdfast.offboarding.notice-period")
public record NoticePeriodPolicy(@DefaultValue( {
		"export.request", "export.approve", "contact.reveal", "customer.claim", "customer.members", "customer.archive",
		"customer.transfer", "role.manage" }) Set<String> restricted){

	/** The permission codes taken away from an employee of the given status. */
	Set<String> restrictionsFor(EmploymentStatus status) {
		return status == EmploymentStatus.LEAVING ? this.restricted : Set.of();
	}

}
