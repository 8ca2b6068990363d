/**
 * What ONNX Runtime's session profiler says about a run: the native {@code model_run}
 * durations (the floor for harness overhead), per-node kernel times, and which execution
 * provider ran each node. {@link org.blockbench.bench.profile.OrtProfile} reads the Chrome-trace
 * file in one streaming pass; {@link org.blockbench.bench.profile.NodeBreakdown} turns its node
 * times into shares by operator type and top nodes; {@link org.blockbench.bench.profile.OverheadRunner}
 * sets JMH's score against the native time of the same session.
 */
package org.blockbench.bench.profile;
