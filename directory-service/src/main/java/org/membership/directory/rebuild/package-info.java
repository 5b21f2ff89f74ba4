/**
 * Rebuilding the directory from the topics: the projection is a cache of the events, so
 * replaying them from the beginning into a new generation must give exactly the same
 * directory, which replaces the live one in one transaction once it is complete.
 */
package org.membership.directory.rebuild;
