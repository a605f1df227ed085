package dev.holdfast.customer;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import dev.holdfast.MainClasses;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The base package of {@code customer} is its API, but a few types there are public only
 * so that customer's own sub-packages (masking, transfer, duplicate, migration) can use
 * them: the aggregate roots and their repositories, the revisions, the owner rules and
 * the encrypted columns. Spring Modulith counts every public type of a base package as
 * API, so this test keeps them internal: no other module may use them; they refer to
 * customers by id and ask customer's services.
 */
class CustomerInternalsTests {

	private static final DescribedPredicate<JavaClass> PUBLIC_FOR_SUB_PACKAGES_ONLY = JavaClass.Predicates
		.belongToAnyOf(Customer.class, Customers.class, Contact.class, Contacts.class, CustomerData.class,
				Revisions.class, Owners.class, EncryptedColumns.class);

	private static final JavaClasses MAIN = MainClasses.all();

	@Test
	void noOtherModuleUsesCustomersInternalTypes() {
		noClasses().that()
			.resideOutsideOfPackage("dev.holdfast.customer..")
			.should()
			.dependOnClassesThat(PUBLIC_FOR_SUB_PACKAGES_ONLY)
			.check(MAIN);
	}

	@Test
	void theRuleSeesTheirUsersInsideCustomer() {
		classes().that()
			.haveFullyQualifiedName("dev.holdfast.customer.transfer.CustomerTransfers")
			.or()
			.haveFullyQualifiedName("dev.holdfast.customer.masking.ContactReveal")
			.should()
			.dependOnClassesThat(PUBLIC_FOR_SUB_PACKAGES_ONLY)
			.check(MAIN);
	}

}
