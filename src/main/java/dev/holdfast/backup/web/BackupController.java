package dev.holdfast.backup.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.backup.BackupSchedule;
import dev.holdfast.backup.BackupView;
import dev.holdfast.backup.Backups;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;
import dev.holdfast.shared.web.FormErrors;
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

	private final FormErrors errors;

	BackupController(Backups backups, MessageSource messages, FormErrors errors) {
		this.backups = backups;
		this.messages = messages;
		this.errors = errors;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		List<BackupView> listed = this.backups.list();
		BackupSchedule schedule = this.backups.schedule();
		Locale locale = LocaleContextHolder.getLocale();
		// each failed verification's sentence in the user's language; one without a
		// translation (facts written by an older Holdfast) says only that it failed
		Map<String, String> problems = new HashMap<>();
		for (BackupView backup : listed) {
			if (backup.lastCheck() != null && !backup.lastCheck().intact()) {
				problems.put(backup.name(), this.errors.translate(backup.lastCheck().problem(), "backups.problem"));
			}
		}
		model.addAttribute("backups", listed);
		model.addAttribute("problems", problems);
		model.addAttribute("schedule", schedule);
		model.addAttribute("scheduleWords",
				(schedule.cron() != null) ? CronWords.describe(schedule.cron(), this.messages, locale) : null);
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
