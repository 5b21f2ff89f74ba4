/**
 * The association that runs the services (configuration, not code), the one source of
 * time, and "today" in the association's time zone.
 */
package org.membership.support.association;
