package org.membership.onboarding;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of the service. */
@AnalyzeClasses(packages = "org.membership.onboarding", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/** Only the outbox maps to the contract: the domain never depends on Avro. */
	@ArchTest
	static final ArchRule onlyTheOutboxTouchesTheGeneratedAvroClasses = noClasses().that()
		.resideOutsideOfPackage("..onboarding.outbox..")
		.should()
		.dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("generated Avro records",
				(com.tngtech.archunit.core.domain.JavaClass type) -> type.getPackageName()
					.equals("org.membership.events")
						&& type.isAssignableTo(org.apache.avro.specific.SpecificRecord.class)))
		.orShould()
		.dependOnClassesThat()
		.resideInAPackage("org.apache.avro..");

	/** The domain knows nothing of the web. */
	@ArchTest
	static final ArchRule theDomainDoesNotDependOnTheWeb = noClasses().that()
		.resideInAnyPackage("..onboarding.application..", "..onboarding.decision..", "..onboarding.schedule..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..onboarding.web..", "org.springframework.web..", "jakarta.servlet..");

}
