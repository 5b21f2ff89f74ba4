package org.membership.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Only the edges (listeners, publishers, the externalization mapping) know Avro. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.membership.notification");

	@Test
	void onlyListenersPublishersAndTheExternalizationMappingTouchTheAvroEvents() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Listener")
			.and()
			.haveSimpleNameNotEndingWith("Publisher")
			.and()
			.haveSimpleNameNotEndingWith("ExternalizationConfiguration")
			// Topics holds only the topic names, and the error handling routes by them
			.should()
			.dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("generated Avro classes",
					(javaClass) -> javaClass.getPackageName().equals("org.membership.events")
							&& !javaClass.getSimpleName().equals("Topics")
							&& !javaClass.getSimpleName().equals("AvroClasses")))
			.check(this.classes);
	}

}
