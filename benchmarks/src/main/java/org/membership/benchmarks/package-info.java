/**
 * Load benchmarks of the running system (docs/performance.md). {@link BenchmarkRun}
 * starts a local stack through {@code LocalStack} (or measures one that already runs),
 * runs the Gatling simulations one after the other, and reports each figure as a ratio to
 * a baseline measured in the same run: on a shared machine absolute rates are noise, a
 * ratio of two rates taken minutes apart under the same load is not.
 */
package org.membership.benchmarks;
