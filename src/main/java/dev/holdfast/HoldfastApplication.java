package dev.holdfast;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.modulith.Modulithic;

/**
 * Holdfast (守客): a CRM in which customers belong to the company, not to the salesperson.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class HoldfastApplication {

	public static void main(String[] args) {
		SpringApplication.run(HoldfastApplication.class, args);
	}

}
