package dev.holdfast;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

import dev.holdfast.backup.BackupCommand;
import dev.holdfast.database.EarlyStart;

/**
 * Holdfast (守客): a CRM in which customers belong to the company, not to the salesperson.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class HoldfastApplication {

	public static void main(String[] args) {
		if (BackupCommand.handles(args)) {
			System.exit(BackupCommand.run(args, HoldfastApplication.class));
		}
		SpringApplication application = new SpringApplication(HoldfastApplication.class);
		// issue 14, item 9: the embedded PostgreSQL starts while the application context
		// is made
		application.addListeners(new EarlyStart());
		application.run(args);
	}

}
