/**
 * Cross-cutting configuration of this service: security, Kafka error handling and health.
 * Nothing here knows about a particular notification; the association's settings, time,
 * problem details and paging are the support module's.
 */
package org.membership.notification.system;
