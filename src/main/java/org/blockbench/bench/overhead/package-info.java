/**
 * Harness overhead, measured: JMH's latency for a config set against ONNX Runtime's own
 * native {@code model_run} time for the same session, the same input and the same calls
 * (the profile's runs inside JMH's measured iterations), plus JMH's
 * {@code gc.alloc.rate.norm} and, from the same profile, a per-node breakdown; written as
 * {@link org.blockbench.bench.overhead.OverheadReport} ({@code overhead.json}).
 */
package org.blockbench.bench.overhead;
