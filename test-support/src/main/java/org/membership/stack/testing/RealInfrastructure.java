package org.membership.stack.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against the real Kafka broker and Apicurio Registry of this test JVM
 * ({@link TestInfrastructure}): {@code spring.kafka.bootstrap-servers} and
 * {@code spring.kafka.properties.apicurio.registry.url} point at them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface RealInfrastructure {

}
