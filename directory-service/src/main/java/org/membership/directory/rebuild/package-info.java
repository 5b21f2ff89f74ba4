/**
 * Rebuilding the directory from the topics: the projection is a cache of the events, so
 * emptying it and replaying from the beginning must give exactly the same directory.
 */
package org.membership.directory.rebuild;
