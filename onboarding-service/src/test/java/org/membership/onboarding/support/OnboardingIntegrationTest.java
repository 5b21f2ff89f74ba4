package org.membership.onboarding.support;

import org.membership.stack.testing.MutableClock;
import org.membership.stack.testing.TestClockConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.membership.stack.testing.RealInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The service on a random port against the real broker and registry, with a
 * {@link MutableClock}; every test class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@TestPropertySource(locations = "classpath:onboarding-test.properties")
@Import(TestClockConfiguration.class)
public @interface OnboardingIntegrationTest {

}
