/**
 * Test support: the real broker and registry and the staff token keys, once per test JVM,
 * for every module's integration tests, and the reference story's events with a producer
 * that sends them.
 */
package org.membership.stack.testing;
