/**
 * The association that runs the services (configuration, not code) and the one source of
 * time.
 */
package org.membership.support.association;
