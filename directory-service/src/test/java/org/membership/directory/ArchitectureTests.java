package org.membership.directory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.and;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain never depends on Avro: only the listeners see the generated event classes.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.membership.directory");

	@Test
	void onlyListenersTouchTheGeneratedEventClasses() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Listener")
			.should()
			.dependOnClassesThat(and(resideInAPackage("org.membership.events"), assignableTo(SpecificRecord.class)))
			.check(this.classes);
	}

}
