/**
 * Every error a service gives, as RFC 9457 problem details of one shape: one type URI
 * scheme, bad fields and parameters listed under {@code errors}.
 */
package org.membership.support.problem;
