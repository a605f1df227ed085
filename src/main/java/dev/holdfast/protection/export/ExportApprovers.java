package dev.holdfast.protection.export;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.holdfast.organization.DataScopes;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.Permission;

/**
 * Who may approve an employee's export: active holders of {@code export.approve} whose
 * data scope covers the requester, never the requester (as {@link ExportDecisions}
 * decides).
 */
@Component
class ExportApprovers {

	private final OrganizationManagement organization;

	private final DataScopes scopes;

	ExportApprovers(OrganizationManagement organization, DataScopes scopes) {
		this.organization = organization;
		this.scopes = scopes;
	}

	List<Long> of(long requesterId) {
		return this.organization.activeHolders(Permission.EXPORT_APPROVE, null)
			.stream()
			.filter(approver -> approver != requesterId && this.scopes.ownerScopeOf(approver).covers(requesterId))
			.toList();
	}

}
