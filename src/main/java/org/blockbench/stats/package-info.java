/**
 * Descriptive statistics, in one place for the whole project: {@link org.blockbench.stats.Stats}
 * (an immutable snapshot: count, mean, sample standard deviation, min, max, median) and
 * {@link org.blockbench.stats.WeightedSamples} (a multiset such as a JMH SampleTime histogram).
 * Every quantile, the median included, is {@link org.blockbench.stats.Quantiles#type7 type 7}
 * of Hyndman and Fan (linear interpolation between order statistics, NumPy's and R's default).
 * Values must be finite: NaN and infinities are rejected where they are added, so a statistic is
 * NaN only when it is undefined (no values; a standard deviation of fewer than two).
 *
 * <p>Ranking under noise (shared/SPEC.md §11): {@link org.blockbench.stats.MeanDifference} (Welch's
 * and the paired t test, interval, power), {@link org.blockbench.stats.Holm} (family-wise error),
 * {@link org.blockbench.stats.PairwiseComparisons} (every pair of a family, intervals at Holm's
 * levels, the resolution), {@link org.blockbench.stats.RankInterval} and
 * {@link org.blockbench.stats.CompactLetterDisplay}.
 */
package org.blockbench.stats;
