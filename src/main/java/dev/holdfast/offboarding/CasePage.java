package dev.holdfast.offboarding;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import dev.holdfast.shared.PageRequest;

/**
 * The model of an offboarding case's page: the case with both checklists, one page of its
 * plan, filters and pickers. The page's forms (plan, handover, termination, the company's
 * checklist) show it again with their errors.
 */
@Component
class CasePage {

	static final int PLAN_PAGE_SIZE = 50;

	private final Offboarding offboarding;

	private final Successors successors;

	CasePage(Offboarding offboarding, Successors successors) {
		this.offboarding = offboarding;
		this.successors = successors;
	}

	void fill(long id, String level, Long ownerId, int page, Model model) {
		CaseDetails details = this.offboarding.get(id);
		PlanRows.Filter filter = new PlanRows.Filter(PlanFilters.level(level), ownerId, false);
		model.addAttribute("c", details);
		model.addAttribute("plan",
				this.offboarding.plan(id, filter, new PageRequest(Math.max(page, 0), PLAN_PAGE_SIZE)));
		model.addAttribute("level", filter.level());
		model.addAttribute("ownerId", ownerId);
		model.addAttribute("levels", List.of("A", "B", "C", "D"));
		model.addAttribute("polling", details.status() == CaseStatus.HANDING_OVER);
		// who may take over the leaver's customers: what the server accepts, no one else
		model.addAttribute("successors",
				details.mayManage() ? this.successors.candidates(details.employeeId()) : List.of());
		model.addAttribute("planUrl",
				UriComponentsBuilder.fromPath("/offboarding/" + id)
					.queryParamIfPresent("level", Optional.ofNullable(filter.level()))
					.queryParamIfPresent("ownerId", Optional.ofNullable(ownerId))
					.build()
					.toUriString());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

}
