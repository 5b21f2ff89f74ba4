package org.membership.support.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Staff security: form login on the consoles, HTTP Basic and Bearer tokens on
 * {@code /api/**}.
 */
@AutoConfiguration
public class StaffSecurityAutoConfiguration {

}
