/**
 * Poison records: bounded retries, then the consumer's own dead-letter topic; staff list
 * and replay them in the service that failed.
 */
package org.membership.support.deadletter;
