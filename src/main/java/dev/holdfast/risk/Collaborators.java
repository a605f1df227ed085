package dev.holdfast.risk;

import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.OrganizationManagement;

/** The other modules and the settings that risk's services work with. */
@Component
record Collaborators(AuditTrail audit, OrganizationManagement organization, RiskProperties properties) {
}
