/**
 * Cross-cutting configuration: security, the clock, configuration properties, health and
 * metrics. Kafka error handling and dead letters come from service-support.
 */
package org.membership.directory.system;
