/**
 * Leaderboards (docs/protocol.md §Leaderboards): merges the manifest, the static analysis, JMH latency results,
 * training results and GWO complexity into one board per dataset
 * ({@link org.blockbench.report.LeaderboardInputs} → {@link org.blockbench.report.LeaderboardBuilder}
 * → {@link org.blockbench.report.Leaderboard}): a row per (block, position), a summary per
 * block over positions, Pareto frontiers of accuracy against latency, MACs and memory, event
 * rankings with a compliance column; and writes them ({@link org.blockbench.report.LeaderboardWriter})
 * as BlockZoo's results.csv, the GWO benchmark's benchmark_results.csv, a full CSV, JSON,
 * Markdown, a self-contained HTML page and PNG/SVG plots. A missing input leaves empty cells
 * and a note, never an invented value.
 */
package org.blockbench.report;
