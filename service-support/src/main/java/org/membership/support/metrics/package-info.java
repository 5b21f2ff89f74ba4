/**
 * Metric names: every meter of a service is called {@code membership.<service>.*}.
 */
package org.membership.support.metrics;
