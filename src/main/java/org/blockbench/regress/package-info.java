/**
 * Performance-regression verdicts.
 *
 * <ul>
 * <li>Input: standard JMH JSON ({@link org.blockbench.regress.ResultSets}; each file read once
 *     per command through {@link org.blockbench.regress.RunFiles}; per-iteration
 *     {@code rawData} and SampleTime {@code rawDataHistogram}), one
 *     {@link org.blockbench.regress.BenchmarkRun} per benchmark identity
 *     ({@link org.blockbench.regress.BenchmarkKey}: name, sorted params, mode).</li>
 * <li>Decision: {@link org.blockbench.regress.RegressionCheck} compares a candidate with a
 *     baseline under a {@link org.blockbench.regress.VerdictPolicy}: two-sided Mann-Whitney U
 *     ({@link org.blockbench.regress.MannWhitney}, Commons Math), a bootstrap interval of the
 *     ratio of medians ({@link org.blockbench.regress.MedianRatioBootstrap}) and an effect
 *     threshold; {@link org.blockbench.regress.BusyMachineGuard} refuses wall-time alarms
 *     measured while the benchmark thread queued for a CPU.</li>
 * <li>Output: {@link org.blockbench.regress.ComparisonReportFormat} (Markdown, JSON: the record
 *     {@link org.blockbench.regress.ComparisonReportFile}).</li>
 * <li>Services: {@link org.blockbench.regress.CompareJob} ({@code compare}: a
 *     {@link org.blockbench.regress.CompareRequest} in, the verdicts and the files written out),
 *     {@link org.blockbench.regress.AaCheck} ({@code verdict-check aa}) and
 *     {@link org.blockbench.regress.AbRunner#run(org.blockbench.regress.AbRequest, org.blockbench.text.Progress.Factory)} ({@code ab}),
 *     {@link org.blockbench.regress.SlowdownModelSet} ({@code verdict-check models});
 *     {@link org.blockbench.regress.ComparisonReportFiles} writes a report in every format asked for.</li>
 * <li>Nightly: a {@link org.blockbench.regress.History} directory of past runs, a pooled
 *     rolling baseline and {@link org.blockbench.regress.TrendPlots}.</li>
 * <li>A/B: {@link org.blockbench.regress.AbRunner} measures two configurations in one session,
 *     forks interleaved ABBA, with {@link org.blockbench.bench.jmh.OrtInferenceBenchmark} (the class {@code bench} measures).</li>
 * <li>Calibration: {@link org.blockbench.regress.SlowdownModels} (known extra compute) and
 *     {@link org.blockbench.regress.AaCalibration} (false-alarm rate of repeated runs).</li>
 * </ul>
 */
package org.blockbench.regress;
