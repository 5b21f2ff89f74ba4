/**
 * The embedded default stack: a real Kafka broker (KRaft), the Apicurio Registry and an
 * SMTP server run as child JVMs that die with their parent, the contract's topics and
 * schemas set up on them. {@link org.membership.stack.LocalStack} is what
 * {@code ./run-local} starts. The classes that set up the contract
 * ({@code ContractSetup}, {@code TopicSetup}, {@code SchemaRegistrar},
 * {@code StackException}) share this package from the {@code contract-setup} module, the
 * test fixtures ({@code org.membership.stack.testing}) live in {@code test-support}.
 */
package org.membership.stack;
