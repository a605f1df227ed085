package dev.holdfast;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The application's classes (not the tests'), imported by ArchUnit once per test JVM for
 * every rule test that checks them (JobLockTests, customer's CustomerInternalsTests):
 * reading and resolving every class file of {@code dev.holdfast} takes seconds, the rules
 * themselves milliseconds.
 */
public final class MainClasses {

	private MainClasses() {
	}

	/**
	 * All classes of {@code dev.holdfast} from the main sources, imported on first use.
	 */
	public static JavaClasses all() {
		return Holder.ALL;
	}

	private static final class Holder {

		static final JavaClasses ALL = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.holdfast");

	}

}
