package dev.holdfast.backup.web;

import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.backup.BackupView;
import dev.holdfast.backup.Backups;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;
import dev.holdfast.shared.web.FormPage;

/**
 * {@code /admin/backups}: the archives of the backup folder with their recorded facts and
 * last verification, "back up now", a verification on demand, and how the schedule is set
 * up; for administrators ({@code role.manage}, checked again by {@link Backups}).
 */
@FreeOfCustomerData
@Controller
@RequiresPermission(Permission.ROLE_MANAGE)
class BackupController {

	static final String PAGE = "/admin/backups";

	private final Backups backups;

	private final MessageSource messages;

	BackupController(Backups backups, MessageSource messages) {
		this.backups = backups;
		this.messages = messages;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		model.addAttribute("backups", this.backups.list());
		model.addAttribute("schedule", this.backups.schedule());
		return "backup/backups";
	}

	@PostMapping(PAGE)
	@FormPage("pageAgain")
	String create(RedirectAttributes redirect) {
		BackupView written = this.backups.create();
		redirect.addFlashAttribute("flash", "backups.created");
		redirect.addFlashAttribute("written", written.name());
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/{name}/verify")
	String verify(@PathVariable String name, RedirectAttributes redirect) {
		BackupView checked = this.backups.verify(name);
		if (checked.lastCheck().intact()) {
			redirect.addFlashAttribute("flash", "backups.intact");
		}
		else {
			redirect.addFlashAttribute("flashError", this.messages.getMessage("backups.damaged",
					new Object[] { checked.name() }, LocaleContextHolder.getLocale()));
		}
		redirect.addFlashAttribute("checked", checked.name());
		return "redirect:" + PAGE;
	}

	/** The page again with the refusal of "back up now" (one running, no passphrase). */
	private String pageAgain(Map<String, String> errors, Model model) {
		model.addAttribute("errors", errors);
		return page(model);
	}

}
