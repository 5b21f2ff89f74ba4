/**
 * Poison records, once for every consuming service: bounded retries, then the consumer's
 * own dead-letter topic ({@code <topic>.<consumer-group>-dlt}) with the original bytes
 * and a readable error; staff list and replay each service's dead letters in that
 * service, and a replay reprocesses the record there only.
 */
package org.membership.support.deadletter;
