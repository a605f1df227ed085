package dev.holdfast.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.FormerCustomers;
import dev.holdfast.customer.FormerCustomers.CustomerState;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.RecordNames;

/**
 * The post-departure watch as its readers see it: the list of watches, one former
 * employee's customers and signals by current owner, and the signals alone (for the
 * evidence package). Who may see a former employee's watch: whoever reads the audit trail
 * (administrators, auditors), and a manager running offboarding whose data scope covers
 * the former employee; never the former employee themself. Anyone else gets 404, as for
 * an employee without a watch. Customers are named through the one visibility rule: one
 * the caller may not see stays a number.
 */
@Service
public class PostDepartureSignals {

	private final Watches watches;

	private final FormerCustomers customers;

	private final OrganizationManagement organization;

	private final WatchAccess access;

	private final RecordNames customerNames;

	PostDepartureSignals(Watches watches, FormerCustomers customers, OrganizationManagement organization,
			WatchAccess access, List<RecordNames> names) {
		this.watches = watches;
		this.customers = customers;
		this.organization = organization;
		this.access = access;
		this.customerNames = names.stream()
			.filter(n -> "customer".equals(n.type()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no names of customers"));
	}

	/**
	 * The signals of the former employee's watch, newest first, customers named as the
	 * caller may see them; 404 for a caller who may not see the watch.
	 */
	@Transactional(readOnly = true)
	public List<PostDepartureSignal> of(long employeeId) {
		Watch watch = readable(employeeId);
		List<Watches.StoredSignal> stored = this.watches.signals(watch.employeeId());
		Map<Long, CustomerState> states = states(
				stored.stream().map(Watches.StoredSignal::customerId).filter(Objects::nonNull).distinct().toList());
		Map<Long, String> names = names(states.keySet());
		return stored.stream().map(s -> signal(s, states, names)).toList();
	}

	/**
	 * The signals for an evidence package ({@code evidence.build}): as {@link #of}, the
	 * customers named whoever owns them now, and none for an employee without a watch
	 * (one who has not departed) instead of 404.
	 */
	@Transactional(readOnly = true)
	public List<PostDepartureSignal> forEvidence(long employeeId) {
		if (this.watches.find(employeeId).isEmpty()) {
			return List.of();
		}
		List<PostDepartureSignal> signals = of(employeeId);
		Map<Long, String> names = this.customers
			.namesForEvidence(signals.stream().map(PostDepartureSignal::customerId).filter(Objects::nonNull).toList());
		return signals.stream()
			.map(s -> s.customerId() == null ? s
					: new PostDepartureSignal(s.customerId(), names.getOrDefault(s.customerId(), s.customerName()),
							s.kind(), s.occurredAt(), s.currentOwnerId(), s.detail()))
			.toList();
	}

	/** The watches the caller may see, running first. */
	@Transactional(readOnly = true)
	public List<WatchSummary> list() {
		List<Watch> visible = this.watches.all().stream().filter(w -> maySee(w.employeeId())).toList();
		Map<Long, String> people = this.organization.displayNames(visible.stream().map(Watch::employeeId).toList());
		return visible.stream()
			.map(w -> new WatchSummary(w.employeeId(), people.get(w.employeeId()), w.lastWorkingDay(), w.endsOn(),
					w.status(), this.watches.customers(w.employeeId()).size(),
					this.watches.signalCount(w.employeeId())))
			.toList();
	}

	/**
	 * The former employee's customers and signals by current owner; 404 as for
	 * {@link #of}.
	 */
	@Transactional(readOnly = true)
	public WatchDetails details(long employeeId) {
		Watch watch = readable(employeeId);
		List<Long> ids = this.watches.customers(employeeId);
		Map<Long, CustomerState> states = states(ids);
		Map<Long, String> visible = visibleNames(states.keySet());
		Map<Long, String> names = names(states.keySet(), visible);
		Map<Long, List<PostDepartureSignal>> byCustomer = new HashMap<>();
		List<PostDepartureSignal> canaries = new ArrayList<>();
		for (Watches.StoredSignal stored : this.watches.signals(employeeId)) {
			PostDepartureSignal signal = signal(stored, states, names);
			if (stored.customerId() == null) {
				canaries.add(signal);
			}
			else {
				byCustomer.computeIfAbsent(stored.customerId(), id -> new ArrayList<>()).add(signal);
			}
		}
		Map<Long, List<WatchDetails.FormerCustomer>> byOwner = new LinkedHashMap<>();
		for (CustomerState state : states.values()) {
			byOwner.computeIfAbsent(state.ownerId() == null ? 0L : state.ownerId(), o -> new ArrayList<>())
				.add(new WatchDetails.FormerCustomer(state.customerId(), names.get(state.customerId()),
						visible.containsKey(state.customerId()),
						visible.containsKey(state.customerId()) ? state.level() : null,
						byCustomer.getOrDefault(state.customerId(), List.of())));
		}
		Map<Long, String> owners = this.organization
			.displayNames(byOwner.keySet().stream().filter(id -> id != 0L).toList());
		List<WatchDetails.OwnerGroup> groups = byOwner.entrySet()
			.stream()
			.map(e -> new WatchDetails.OwnerGroup(e.getKey() == 0L ? null : e.getKey(),
					e.getKey() == 0L ? null : owners.get(e.getKey()),
					e.getValue()
						.stream()
						.sorted(Comparator.comparing((WatchDetails.FormerCustomer c) -> -c.signals().size())
							.thenComparing(WatchDetails.FormerCustomer::customerId))
						.toList()))
			.sorted(Comparator.comparing((WatchDetails.OwnerGroup g) -> g.ownerId() == null)
				.thenComparing(g -> -g.customers().stream().mapToInt(c -> c.signals().size()).sum()))
			.toList();
		return new WatchDetails(employeeId, this.organization.displayName(employeeId), watch.lastWorkingDay(),
				watch.endsOn(), watch.status(), watch.endedAt(), groups, canaries);
	}

	private Watch readable(long employeeId) {
		if (!maySee(employeeId)) {
			throw new NotFoundException("post-departure watch");
		}
		return this.watches.find(employeeId).orElseThrow(() -> new NotFoundException("post-departure watch"));
	}

	private boolean maySee(long employeeId) {
		return this.access.maySee(employeeId);
	}

	private Map<Long, CustomerState> states(Collection<Long> ids) {
		Map<Long, CustomerState> states = new LinkedHashMap<>();
		this.customers.states(ids).forEach(s -> states.put(s.customerId(), s));
		return states;
	}

	private Map<Long, String> names(Collection<Long> ids) {
		return names(ids, visibleNames(ids));
	}

	/** The names of the customers the caller may see (the one visibility rule). */
	private Map<Long, String> visibleNames(Collection<Long> ids) {
		return ids.isEmpty() ? Map.of() : this.customerNames.namesOf(ids);
	}

	private static Map<Long, String> names(Collection<Long> ids, Map<Long, String> visible) {
		Map<Long, String> names = new HashMap<>();
		ids.forEach(id -> names.put(id, visible.getOrDefault(id, "#" + id)));
		return names;
	}

	private static PostDepartureSignal signal(Watches.StoredSignal stored, Map<Long, CustomerState> states,
			Map<Long, String> names) {
		Long customer = stored.customerId();
		CustomerState state = customer == null ? null : states.get(customer);
		return new PostDepartureSignal(customer, customer == null ? null : names.getOrDefault(customer, "#" + customer),
				stored.kind(), stored.occurredAt(), state == null ? null : state.ownerId(), stored.detail());
	}

}
