package org.membership.directory.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the directory-service itself.
 *
 * @param maxPageSize the largest page a client may ask for (above it: 400)
 */
@ConfigurationProperties("membership.directory")
public record DirectoryProperties(@DefaultValue("100") int maxPageSize) {

}
