/**
 * Cross-cutting configuration: the association profile, time, security, Kafka error
 * handling and health. Nothing here knows about a particular notification.
 */
package org.membership.notification.system;
