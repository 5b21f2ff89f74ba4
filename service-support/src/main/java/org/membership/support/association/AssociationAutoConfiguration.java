package org.membership.support.association;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * The association's settings ({@code membership.association.*}), the {@code Clock} and
 * "today" in the association's time zone.
 */
@AutoConfiguration
public class AssociationAutoConfiguration {

}
