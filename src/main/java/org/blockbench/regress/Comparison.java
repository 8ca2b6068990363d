package org.blockbench.regress;

import org.blockbench.bench.result.SampleKind;
import org.blockbench.text.NumberText;

/**
 * The verdict on one benchmark with everything it rests on. Medians are in {@code unit}
 * (the baseline's unit; the candidate is converted). {@code timeRatio} is new/base of the
 * median time per operation: for throughput units it is base/new of the median throughput,
 * so a value above 1 always means the candidate is slower. {@code fastestForkRatio} is the same
 * ratio between the fastest fork of each side (the fork with the smallest median time per
 * operation): a slowdown of the code moves every fork, the fastest included, while a fork that
 * spent its life in a slow machine state moves only the pooled median. {@code testedBase}/{@code testedNew}
 * are the sample counts that entered the U test (smaller than the counts only when a large
 * histogram was reduced, see {@link VerdictPolicy#maxTestSamples}). Non-finite numbers
 * (NaN p-value, missing interval) mean "not computed" and come with an inconclusive verdict.
 */
public record Comparison(BenchmarkKey key, String unit, SampleKind sampleKind, long baseCount, long newCount,
        int testedBase, int testedNew, double baseMedian, double newMedian, double timeRatio,
        double fastestForkRatio, ConfidenceInterval interval, double pValue, Verdict verdict, String reason) {

    /** The p-value for people: three decimals, then scientific; "< 1e-300" when it underflowed; "n/a" if not computed. */
    public String pValueText() {
        return NumberText.pValue(pValue);
    }

    /** The relative change of the median time per op: {@code timeRatio − 1}. */
    public double change() {
        return timeRatio - 1;
    }
}
