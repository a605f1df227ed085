package dev.holdfast.demo;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.holdfast.care.CareVisitForm;
import dev.holdfast.care.CareVisits;
import dev.holdfast.care.ComplaintForm;
import dev.holdfast.care.Complaints;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.shared.HoldfastClock;

/**
 * Work for customer service in the demo company, so that their start page is not empty:
 * each of them is given care visits on key customers in the coming days, one of those
 * customers has an open complaint, and (through the events these raise) they and the
 * customers' reps find notifications in the bell.
 */
@Component
class DemoCare {

	private static final int VISITS_EACH = 3;

	private static final String[][] COMPLAINTS = { { "发货比约定晚了一周", "客户采购部来电，三月批次到货延迟，影响其产线排期。" },
			{ "发票抬头开错，需要重开", "客户财务部反映两张增值税发票抬头有误，请尽快重开并寄回。" } };

	private final CareVisits visits;

	private final Complaints complaints;

	private final HoldfastClock clock;

	DemoCare(CareVisits visits, Complaints complaints, HoldfastClock clock) {
		this.visits = visits;
		this.complaints = complaints;
		this.clock = clock;
	}

	/** Returns how many visits it scheduled. */
	int create(List<DemoCustomers.Seeded> customers, List<Long> service) {
		List<DemoCustomers.Seeded> key = customers.stream()
			.filter(c -> c.level() == CustomerLevel.A || c.level() == CustomerLevel.B)
			.toList();
		int scheduled = 0;
		for (int s = 0; s < service.size(); s++) {
			for (int v = 0; v < VISITS_EACH && s * VISITS_EACH + v < key.size(); v++) {
				long customer = key.get(s * VISITS_EACH + v).id();
				this.visits.schedule(customer, new CareVisitForm(this.clock.today().plusDays(2 + 2L * v),
						service.get(s), "MANUAL", "回访关键客户，了解近期合作满意度"));
				scheduled++;
				if (v == 0) {
					String[] complaint = COMPLAINTS[s % COMPLAINTS.length];
					this.complaints.record(customer, new ComplaintForm(complaint[0], complaint[1], "MEDIUM", "PHONE"));
				}
			}
		}
		return scheduled;
	}

}
