/**
 * Test support: the real broker and registry, once per test JVM, for every module's
 * integration tests, and the reference story's events with a producer that sends them.
 */
package org.membership.stack.testing;
