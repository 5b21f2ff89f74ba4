/**
 * The embedded default stack: a real Kafka broker (KRaft) and the Apicurio Registry run
 * as child JVMs that die with their parent, the contract's topics and schemas set up on
 * them. {@link org.membership.stack.LocalStack} is what {@code ./run-local} starts; the
 * {@code testing} package serves the integration tests.
 */
package org.membership.stack;
