package dev.holdfast.offboarding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.CustomerWork;

/**
 * "My handover tasks": the customers the caller took over, with the leaver's note, each
 * marked done once taken up.
 */
@Controller
class HandoverTaskController {

	private final HandoverTasks tasks;

	HandoverTaskController(HandoverTasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/handover-tasks")
	@AnyEmployee
	String mine(Model model) {
		CustomerWork.require("handover tasks are for those who take customers over");
		model.addAttribute("tasks", this.tasks.mine(200));
		return "offboarding/tasks";
	}

	@PostMapping("/handover-tasks/{id}/done")
	@AnyEmployee
	String done(@PathVariable long id, RedirectAttributes redirect) {
		this.tasks.complete(id);
		redirect.addFlashAttribute("flash", "handoverTask.done");
		return "redirect:/handover-tasks";
	}

}
