/**
 * Cross-cutting configuration: Kafka error handling and dead-letter publishing, security,
 * the clock, configuration properties, health and metrics.
 */
package org.membership.directory.system;
