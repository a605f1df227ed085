package dev.holdfast.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.organization.DataScopes;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.PageRequest;

/**
 * Customers and contacts as an export sees them: exactly the rows the list shows the
 * requester (the same SQL as {@link CustomerSearch}), read for a given employee so that
 * an export approved by someone else still holds only what its requester may see.
 */
@Service
public class CustomerExportRows {

	private final CustomerSearch search;

	private final DataScopes scopes;

	private final OrganizationManagement organization;

	private final EntityManager entities;

	CustomerExportRows(CustomerSearch search, DataScopes scopes, OrganizationManagement organization,
			EntityManager entities) {
		this.search = search;
		this.scopes = scopes;
		this.organization = organization;
		this.entities = entities;
	}

	/**
	 * Up to {@code max} customers visible to the employee that match the query, newest
	 * change first, with owner names.
	 */
	@Transactional(readOnly = true)
	public List<CustomerSummary> visibleTo(long employeeId, CustomerQuery query, int max) {
		List<CustomerSummary> rows = new ArrayList<>();
		var scope = this.scopes.ownerScopeOf(employeeId);
		for (int page = 0; rows.size() < max; page++) {
			List<CustomerSummary> chunk = this.search
				.page(this.search.statement(employeeId, scope, query, new PageRequest(page, PageRequest.MAX_SIZE)));
			rows.addAll(chunk.subList(0, Math.min(chunk.size(), max - rows.size())));
			if (chunk.size() < PageRequest.MAX_SIZE) {
				break;
			}
		}
		Map<Long, String> names = this.organization
			.displayNames(rows.stream().map(CustomerSummary::ownerId).filter(id -> id != null).distinct().toList());
		return rows.stream().map(row -> row.withOwnerName(names.get(row.ownerId()))).toList();
	}

	/**
	 * The current contacts of these customers, by customer, read through the entity so
	 * that they come out as every other view reads them.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<ContactView>> contactsOf(Collection<Long> customerIds) {
		Map<Long, List<ContactView>> byCustomer = new LinkedHashMap<>();
		if (customerIds.isEmpty()) {
			return byCustomer;
		}
		List<Long> ids = List.copyOf(customerIds);
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Contact> contacts = this.entities
				.createQuery(
						"select c from Contact c where c.customerId in :ids and c.archivedAt is null order by c.id",
						Contact.class)
				.setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.getResultList();
			contacts
				.forEach(c -> byCustomer.computeIfAbsent(c.getCustomerId(), k -> new ArrayList<>()).add(c.toView()));
		}
		return byCustomer;
	}

}
