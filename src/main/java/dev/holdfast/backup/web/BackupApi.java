package dev.holdfast.backup.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.backup.BackupView;
import dev.holdfast.backup.Backups;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Administrators' backups ({@code role.manage}): write one now into the backup folder,
 * list the folder with each archive's recorded facts, verify one. Archives are not
 * downloaded through the API: they hold the whole company and its keys, and stay on the
 * server's disk.
 */
@FreeOfCustomerData
@RestController
@RequestMapping("/api/v1/admin/backups")
class BackupApi {

	private final Backups backups;

	BackupApi(Backups backups) {
		this.backups = backups;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@RequiresPermission(Permission.ROLE_MANAGE)
	BackupView create() {
		return this.backups.create();
	}

	@GetMapping
	@RequiresPermission(Permission.ROLE_MANAGE)
	List<BackupView> list() {
		return this.backups.list();
	}

	/** Verifies one archive of the folder whole; its result is kept for the listing. */
	@PostMapping("/{name}/verify")
	@RequiresPermission(Permission.ROLE_MANAGE)
	BackupView verify(@PathVariable String name) {
		return this.backups.verify(name);
	}

}
