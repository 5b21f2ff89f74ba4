package org.membership.onboarding;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.avro.specific.SpecificRecord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of the service that are not module boundaries (those are
 * ModularityTests').
 */
@AnalyzeClasses(packages = "org.membership.onboarding", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final DescribedPredicate<JavaClass> GENERATED_AVRO_RECORDS = DescribedPredicate
		.describe("generated Avro records", (JavaClass type) -> type.getPackageName().equals("org.membership.events")
				&& type.isAssignableTo(SpecificRecord.class));

	/**
	 * Only the outbox maps to the contract, and the timeline reads it back (as a listener
	 * would, mapping to plain records at once): the domain never depends on Avro.
	 */
	@ArchTest
	static final ArchRule onlyTheOutboxAndTheTimelineTouchTheGeneratedAvroClasses = noClasses().that()
		.resideOutsideOfPackages("..onboarding.outbox..", "..onboarding.timeline..")
		.should()
		.dependOnClassesThat(GENERATED_AVRO_RECORDS)
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
