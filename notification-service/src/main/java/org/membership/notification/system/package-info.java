/**
 * Cross-cutting configuration: the association profile, time, security and health (Kafka
 * error handling and dead letters come from service-support). Nothing here knows about a
 * particular notification.
 */
package org.membership.notification.system;
