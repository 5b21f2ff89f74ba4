/**
 * Cross-cutting configuration of this service: security rules and health. Nothing here
 * knows about a particular notification; the association's settings, time, problem
 * details, paging, Kafka error handling and dead letters come from service-support.
 */
package org.membership.notification.system;
