/**
 * What the service needs to run but no feature owns: its security rules, Kafka health,
 * randomness, scheduling and the sending of its own mails
 * ({@link org.membership.onboarding.system.Mailer}). It knows no feature package
 * (declared here, verified by ModularityTests); features depend on it, never the reverse.
 * The association's settings, time, problem details and paging are service-support's.
 */
@ApplicationModule(allowedDependencies = {})
package org.membership.onboarding.system;

import org.springframework.modulith.ApplicationModule;
