/**
 * Cross-cutting configuration of this service: who may call what. It knows no feature
 * package (declared below, checked by {@code ModularityTests}); the association's
 * settings, time, security, problem details, paging, Kafka error handling and dead
 * letters come from service-support.
 */
@ApplicationModule(allowedDependencies = {})
package org.membership.directory.system;

import org.springframework.modulith.ApplicationModule;
