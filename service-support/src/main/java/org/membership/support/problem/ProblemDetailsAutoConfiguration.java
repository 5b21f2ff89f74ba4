package org.membership.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * RFC 9457 problem details for every error a service gives.
 */
@AutoConfiguration
public class ProblemDetailsAutoConfiguration {

}
