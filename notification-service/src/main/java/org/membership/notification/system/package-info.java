/**
 * Cross-cutting configuration of this service: its security rules, scheduling and the
 * health of its Kafka listeners. It knows no feature package (declared here, checked by
 * ModularityTests), so a feature can change without touching it; the association's
 * settings, time, problem details, paging, Kafka error handling and dead letters come
 * from service-support.
 */
@ApplicationModule(allowedDependencies = {})
package org.membership.notification.system;

import org.springframework.modulith.ApplicationModule;
