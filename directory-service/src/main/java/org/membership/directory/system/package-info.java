/**
 * Cross-cutting configuration of this service: security rules, health and metrics. The
 * association's settings, time, problem details, paging, Kafka error handling and dead
 * letters come from service-support.
 */
package org.membership.directory.system;
