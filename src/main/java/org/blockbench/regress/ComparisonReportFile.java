package org.blockbench.regress;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import org.blockbench.io.JsonFiles;

/**
 * The schema of {@code compare}'s and {@code ab}'s JSON report (format {@value #FORMAT}), declared
 * once: {@link ComparisonReportJson} writes this record and readers read it back as this record.
 * Keys are snake_case ({@link JsonFiles#snakeCase()}); a benchmark's {@code params} are JMH's, by
 * JMH's names. A number that is not defined is null, as in every file of ours; so is a missing
 * interval.
 *
 * @param format      {@value #FORMAT}
 * @param title       what was compared with what
 * @param createdAt   when the report was made (UTC, ISO-8601)
 * @param provenance  the tool, Java and OS that made it
 * @param baseline    where the baseline came from
 * @param candidate   where the candidate came from
 * @param policy      the verdict rules applied
 * @param summary     verdict counts
 * @param comparisons one per benchmark in both runs
 * @param added       benchmarks only in the candidate
 * @param removed     benchmarks only in the baseline
 * @param notes       files skipped or pooled, histograms reduced, modes changed
 */
public record ComparisonReportFile(String format, String title, String createdAt, Provenance provenance, String baseline,
                                   String candidate, Policy policy, Summary summary, List<Entry> comparisons,
                                   List<Key> added, List<Key> removed, List<String> notes) {

    /** Identifies the schema; bump on incompatible change. */
    public static final String FORMAT = "blockbench-regress/1";

    /**
     * What made the report.
     *
     * @param tool "blockbench" and its version
     * @param java the Java version
     * @param os   OS name and architecture
     */
    public record Provenance(String tool, String java, String os) {
    }

    /**
     * The verdict rules ({@link VerdictPolicy}).
     *
     * @param alpha              significance level of the U test
     * @param threshold          smallest relative change reported
     * @param slowerAboveRatio   a time ratio above this can be "slower"
     * @param fasterBelowRatio   a time ratio below this can be "faster"
     * @param confidence         confidence of the interval
     * @param bootstrapResamples bootstrap resamples
     * @param seed               bootstrap seed
     * @param maxTestSamples     samples per side above which a histogram is reduced for the test
     * @param test               the test, in words
     * @param interval           the interval, in words
     */
    public record Policy(double alpha, double threshold, double slowerAboveRatio, double fasterBelowRatio, double confidence,
                         int bootstrapResamples, long seed, int maxTestSamples, String test, String interval) {
    }

    /**
     * How many benchmarks got each verdict, and how many were added or removed.
     *
     * @param regression whether any is slower (the nightly job fails)
     */
    public record Summary(long slower, long faster, long unchanged, long inconclusive, int added, int removed,
                         boolean regression) {
    }

    /**
     * A benchmark: its name, JMH params and mode.
     *
     * @param label the name shown in tables
     */
    public record Key(String benchmark, SortedMap<String, String> params, String mode, String label) {

        static Key of(BenchmarkKey k) {
            return new Key(k.benchmark(), k.params(), k.mode(), k.label());
        }
    }

    /**
     * One benchmark's verdict and what it rests on ({@link Comparison}).
     *
     * @param changePercent 100 × (timeRatio − 1)
     * @param ciLow         the interval's low end, null when none was computed
     * @param ciHigh        its high end
     * @param ciResampled   what the bootstrap resampled (forks, or samples)
     */
    public record Entry(String benchmark, SortedMap<String, String> params, String mode, String label, String verdict,
                        String reason, String unit, String sampleKind, double baseMedian, double newMedian,
                        double timeRatio, double changePercent, double fastestForkRatio, Double ciLow, Double ciHigh,
                        String ciResampled, double pValue, long baseSamples, long newSamples, int testedBaseSamples,
                        int testedNewSamples) {

        static Entry of(Comparison c) {
            ConfidenceInterval i = c.interval();
            BenchmarkKey k = c.key();
            return new Entry(k.benchmark(), k.params(), k.mode(), k.label(), c.verdict().text(), c.reason(), c.unit(),
                    c.sampleKind().name().toLowerCase(Locale.ROOT), c.baseMedian(), c.newMedian(), c.timeRatio(),
                    100 * c.change(), c.fastestForkRatio(), i == null ? null : i.low(), i == null ? null : i.high(),
                    i == null ? null : i.resampled(), c.pValue(), c.baseCount(), c.newCount(), c.testedBase(), c.testedNew());
        }
    }

    /** The file of {@code r}. */
    public static ComparisonReportFile of(ComparisonReport r) {
        VerdictPolicy p = r.policy();
        return new ComparisonReportFile(FORMAT, r.title(), r.createdAt().toString(),
                new Provenance("blockbench " + org.blockbench.onnx.GraphBuilder.PRODUCER_VERSION, System.getProperty("java.version"),
                        System.getProperty("os.name") + " " + System.getProperty("os.arch")),
                r.baseSource(), r.newSource(),
                new Policy(p.alpha(), p.threshold(), p.slowerAbove(), p.fasterBelow(), p.confidence(), p.bootstrapResamples(),
                        p.seed(), p.maxTestSamples(),
                        "two-sided Mann-Whitney U, Apache Commons Math 3.6.1 (normal approximation, no tie correction)",
                        "percentile bootstrap of the ratio of medians, resampling forks (samples when a side has one fork)"),
                new Summary(r.count(Verdict.SLOWER), r.count(Verdict.FASTER), r.count(Verdict.UNCHANGED),
                        r.count(Verdict.INCONCLUSIVE), r.added().size(), r.removed().size(), r.anySlower()),
                r.comparisons().stream().map(Entry::of).toList(), r.added().stream().map(Key::of).toList(),
                r.removed().stream().map(Key::of).toList(), r.notes());
    }

    /**
     * Reads a report.
     *
     * @throws org.blockbench.BadInputException when the file is not JSON, of another format (one line
     *                                          naming the format found), or does not fit
     */
    public static ComparisonReportFile read(Path file) {
        return JsonFiles.readVersioned(file, FORMAT, ComparisonReportFile.class, "`blockbench compare`");
    }
}
