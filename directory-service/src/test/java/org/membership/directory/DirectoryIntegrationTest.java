package org.membership.directory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.membership.stack.testing.RealInfrastructure;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one test configuration of the directory's integration tests: the whole service on a
 * random port against the real broker, registry and database. Every test class uses it
 * unchanged, so Spring's context cache gives them one context, and one consumer per
 * listener in the group.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@RealInfrastructure
public @interface DirectoryIntegrationTest {

}
