/**
 * The event contract shared by every service: classes generated from the Avro schemas in
 * {@code src/main/avro} and the topic names. Services depend on this module, never on
 * each other.
 */
package org.membership.events;
