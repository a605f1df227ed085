package dev.holdfast.watch;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/** The post-departure watch's pages; the service decides who may see which. */
@Controller
@RequestMapping("/watches")
class WatchController {

	private final PostDepartureSignals signals;

	WatchController(PostDepartureSignals signals) {
		this.signals = signals;
	}

	@GetMapping
	@RequiresPermission(anyOf = { Permission.AUDIT_READ, Permission.OFFBOARDING_EXECUTE })
	String list(Model model) {
		model.addAttribute("watches", this.signals.list());
		return "watch/list";
	}

	@GetMapping("/{employeeId}")
	@RequiresPermission(anyOf = { Permission.AUDIT_READ, Permission.OFFBOARDING_EXECUTE })
	String details(@PathVariable long employeeId, Model model) {
		model.addAttribute("watch", this.signals.details(employeeId));
		return "watch/employee";
	}

}
