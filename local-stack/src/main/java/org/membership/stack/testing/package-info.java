/**
 * Test support: the real broker and registry, and the staff token keys, once per test
 * JVM, for every module's integration tests.
 */
package org.membership.stack.testing;
