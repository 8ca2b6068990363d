/**
 * Performance-regression verdicts: reads standard JMH JSON results
 * ({@link org.blockbench.regress.JmhResultReader}), compares a candidate run against a
 * baseline benchmark by benchmark ({@link org.blockbench.regress.RegressionCheck}) with a
 * two-sided Mann-Whitney U test and a bootstrap interval on the ratio of medians, and
 * decides slower / faster / unchanged / inconclusive under a stated
 * {@link org.blockbench.regress.VerdictPolicy}. Reports are Markdown and JSON
 * ({@link org.blockbench.regress.ReportFormat}). A {@link org.blockbench.regress.History}
 * directory keeps every nightly run and supplies a rolling baseline and trend plots;
 * {@link org.blockbench.regress.AbRunner} measures two configurations in one session,
 * interleaved fork by fork, with {@link org.blockbench.regress.AbLatencyBenchmark}.
 */
package org.blockbench.regress;
