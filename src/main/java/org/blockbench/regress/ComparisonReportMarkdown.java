package org.blockbench.regress;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.blockbench.text.MarkdownText;
import org.blockbench.text.NumberText;

/** The human report: outcome first, then one table row per benchmark, then what was not compared and why. */
public final class ComparisonReportMarkdown implements ComparisonReportFormat {

    @Override
    public void write(ComparisonReport r, OutputStream out) throws IOException {
        out.write(render(r).getBytes(StandardCharsets.UTF_8));
    }

    /** The report as Markdown text. */
    public static String render(ComparisonReport r) {
        VerdictPolicy p = r.policy();
        String conf = NumberText.percent(p.confidence()).replace(".0 %", " %");
        StringBuilder s = new StringBuilder();
        s.append("# Performance regression check: ").append(cell(r.title())).append("\n\n");
        s.append(r.anySlower() ? "**Result: REGRESSION** — " : "**Result: no regression** — ")
                .append(summary(r)).append("\n\n");
        s.append("- Baseline: ").append(MarkdownText.code(r.baseSource())).append("\n");
        s.append("- Candidate: ").append(MarkdownText.code(r.newSource())).append("\n");
        s.append(String.format(Locale.ROOT, "- Rule: **slower** when the two-sided Mann-Whitney U p < %s, the median "
                + "time ratio new/base > %s, its interval > 1 and the fastest forks' ratio > %s too; **faster** when "
                + "p < %s, the ratio < %s, its interval < 1 and the fastest forks' ratio < %s too; **unchanged** when the %s bootstrap interval of the ratio lies inside [%s, %s]; otherwise "
                + "**inconclusive**.\n",
                p.alpha(), NumberText.fixed(p.slowerAbove(), 3), NumberText.fixed(p.slowerAbove(), 3),
                p.alpha(), NumberText.fixed(p.fasterBelow(), 3), NumberText.fixed(p.fasterBelow(), 3), conf, NumberText.fixed(p.fasterBelow(), 3), NumberText.fixed(p.slowerAbove(), 3)));
        s.append("- Generated: ").append(r.createdAt()).append("\n\n");
        s.append("| verdict | benchmark | params | mode | unit | base median | new median | time ratio | ")
                .append(conf).append(" interval | fastest forks' ratio | p | samples base / new | why |\n");
        s.append("|---|---|---|---|---|---:|---:|---:|---|---:|---:|---:|---|\n");
        for (Comparison c : r.comparisons()) {
            String verdict = c.verdict() == Verdict.SLOWER ? "**slower**" : c.verdict().text();
            String interval = c.interval() == null ? "n/a"
                    : "[" + NumberText.fixed(c.interval().low(), 3) + ", " + NumberText.fixed(c.interval().high(), 3) + "]";
            s.append("| ").append(verdict)
                    .append(" | ").append(cell(c.key().shortName()))
                    .append(" | ").append(cell(c.key().paramsText().replaceAll("^\\{|\\}$", "")))
                    .append(" | ").append(cell(c.key().mode()))
                    .append(" | ").append(cell(c.unit()))
                    .append(" | ").append(NumberText.significant(c.baseMedian(), 4))
                    .append(" | ").append(NumberText.significant(c.newMedian(), 4))
                    .append(" | ").append(NumberText.fixed(c.timeRatio(), 3))
                    .append(" | ").append(interval)
                    .append(" | ").append(NumberText.fixed(c.fastestForkRatio(), 3))
                    .append(" | ").append(NumberText.pValue(c.pValue()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d / %,d", c.baseCount(), c.newCount()))
                    .append(" | ").append(cell(c.reason())).append(" |\n");
        }
        keys(s, "Added (in the candidate only, not compared)", r.added());
        keys(s, "Removed (in the baseline only, not compared)", r.removed());
        if (!r.notes().isEmpty()) {
            s.append("\n## Notes\n\n");
            r.notes().forEach(n -> s.append("- ").append(cell(n)).append('\n'));
        }
        s.append("\n## Method\n\n");
        s.append("Samples are JMH's raw data: one score per measurement iteration (rawData), or one latency per sampled "
                + "operation (SampleTime rawDataHistogram, expanded by its counts). The time ratio is new/base of the "
                + "median time per operation (base/new of the median throughput for ops/time units), so above 1 means "
                + "slower. The interval is a percentile bootstrap of that ratio that resamples whole forks when both sides "
                + "have two or more (fork-to-fork variation is usually the largest), individual samples otherwise (")
                .append(String.format(Locale.ROOT, "%,d", p.bootstrapResamples())).append(" resamples, seed ")
                .append(p.seed()).append("). The p-value is Apache Commons Math's two-sided Mann-Whitney U test "
                        + "(normal approximation, no tie correction); it treats samples as independent, which samples of one "
                        + "fork are not, so an alarm also needs the interval to exclude 1. The fastest forks' ratio "
                        + "compares the fork with the smallest median time on each side: a fork can spend its whole "
                        + "life in a slow machine state, which moves the pooled median but not the fastest fork, while "
                        + "a slower code path moves every fork; so an alarm also needs it beyond the threshold.\n");
        return s.toString();
    }

    private static String summary(ComparisonReport r) {
        return String.format(Locale.ROOT, "%d slower, %d faster, %d unchanged, %d inconclusive of %d compared; "
                + "%d added, %d removed.", r.count(Verdict.SLOWER), r.count(Verdict.FASTER), r.count(Verdict.UNCHANGED),
                r.count(Verdict.INCONCLUSIVE), r.comparisons().size(), r.added().size(), r.removed().size());
    }

    private static void keys(StringBuilder s, String heading, List<BenchmarkKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        s.append("\n## ").append(heading).append("\n\n");
        keys.forEach(k -> s.append("- ").append(MarkdownText.code(k.label())).append("\n"));
    }

    private static String cell(String text) {
        return MarkdownText.escape(text);
    }
}
