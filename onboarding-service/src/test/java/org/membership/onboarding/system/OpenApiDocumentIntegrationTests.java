package org.membership.onboarding.system;

import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.stack.testing.OpenApiDocumentCheck;

/** The onboarding-service's OpenAPI document is the committed one, and public. */
@OnboardingIntegrationTest
class OpenApiDocumentIntegrationTests extends OpenApiDocumentCheck {

	@Override
	protected String serviceName() {
		return "onboarding-service";
	}

}
