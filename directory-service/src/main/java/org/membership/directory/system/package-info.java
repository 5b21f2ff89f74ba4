/**
 * Cross-cutting configuration: Kafka error handling and dead-letter publishing, security,
 * configuration properties, health and metrics.
 */
package org.membership.directory.system;
