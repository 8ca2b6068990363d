/**
 * The JMH results model, the one home of JMH JSON in the project: {@link
 * org.blockbench.bench.result.JmhReader} (the one reader and its policy), {@link
 * org.blockbench.bench.result.JmhRecord} and {@link org.blockbench.bench.result.JmhMetric} (one
 * benchmark record, checked), {@link org.blockbench.bench.result.JmhJson} (the one writer: JMH's
 * own JSON writer, and records spliced as the text JMH wrote, so merged files are byte-for-byte
 * JMH's format), {@link org.blockbench.bench.result.ScoreUnit} (the one unit converter), {@link
 * org.blockbench.bench.result.ResultsMetadata} (the {@code results.meta.json} sidecar, written by
 * sweeps and merges, read for a run's start time) with {@link
 * org.blockbench.bench.result.ConfigMeta} (a config's {@code configs/<key>.meta.json}), the merge
 * ({@link org.blockbench.bench.result.ResultMerger#run}: a {@link org.blockbench.bench.result.MergeRequest} in,
 * what was merged out)
 * and the human summary table. It
 * imports neither {@code regress} nor {@code report}; they read JMH results through it.
 */
package org.blockbench.bench.result;
