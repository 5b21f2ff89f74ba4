package org.membership.notification;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Only the edges (listeners and the externalization mapping) know Avro. */
class ArchitectureTests {

	// Topics (the topic names) and AvroClasses (which trusts the event package at
	// start-up) are in the events package but carry no event
	private static final DescribedPredicate<JavaClass> AVRO_EVENTS = DescribedPredicate
		.describe("generated Avro classes", (javaClass) -> javaClass.getPackageName().equals("org.membership.events")
				&& !javaClass.getSimpleName().equals("Topics") && !javaClass.getSimpleName().equals("AvroClasses"));

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.membership.notification");

	@Test
	void onlyListenersAndTheExternalizationMappingTouchTheAvroEvents() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Listener")
			.and()
			.haveSimpleNameNotEndingWith("ExternalizationConfiguration")
			.should()
			.dependOnClassesThat(AVRO_EVENTS)
			.check(this.classes);
	}

}
