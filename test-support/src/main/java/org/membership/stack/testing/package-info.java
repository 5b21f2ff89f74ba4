/**
 * Test support: the real broker and registry, once per test JVM, for every module's
 * integration tests.
 */
package org.membership.stack.testing;
