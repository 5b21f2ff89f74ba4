/**
 * Dead letters for staff: list what went to the {@code -dlt} topics and replay a record
 * to its original topic once the cause is fixed. Read straight from the topics (no
 * table): the topics are the record of what failed.
 */
package org.membership.directory.deadletter;
