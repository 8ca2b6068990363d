package org.blockbench.regress;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.blockbench.text.MarkdownText;

/** The Markdown report of an {@link AaCheck}: the verdict counts per design, the slower rate by threshold, the false alarms. */
final class AaCheckMarkdown {

    private AaCheckMarkdown() {
    }

    static String of(List<Path> files, Metric metric, VerdictPolicy policy, List<AaCalibration.Outcome> outcomes,
                     double[] thresholds) {
        StringBuilder md = new StringBuilder("# A/A calibration\n\n");
        md.append(String.format(Locale.ROOT, "%d runs of the same code (%s … %s), %s. Policy: alpha %s, threshold %s, "
                + "%,d bootstrap resamples, seed %d. Every \"slower\" verdict is a false alarm.%n%n", files.size(),
                MarkdownText.escape(files.get(0).getFileName().toString()),
                MarkdownText.escape(files.get(files.size() - 1).getFileName().toString()), metric.describe(), policy.alpha(),
                policy.threshold(), policy.bootstrapResamples(), policy.seed()));
        md.append("| design | comparisons | slower | faster | unchanged | inconclusive | slower rate | 95 % upper bound* |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (AaCalibration.Outcome o : outcomes) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.2f %% | %.2f %% |%n", o.design(),
                    o.comparisons(), o.counts().get(Verdict.SLOWER), o.counts().get(Verdict.FASTER),
                    o.counts().get(Verdict.UNCHANGED), o.counts().get(Verdict.INCONCLUSIVE), 100 * o.slowerRate(),
                    100 * o.slowerRateUpper95()));
        }
        md.append("\n*One-sided Clopper-Pearson bound treating comparisons as independent; pairs share runs, so the "
                + "real uncertainty is larger.\n");
        md.append("\n## Slower rate by threshold (same comparisons re-decided, no guard)\n\n| design |");
        for (double t : thresholds) {
            md.append(String.format(Locale.ROOT, " %.0f %% |", 100 * t));
        }
        md.append("\n|---|").append("---:|".repeat(thresholds.length)).append('\n');
        for (AaCalibration.Outcome o : outcomes) {
            if (o.design().contains("guard")) {
                continue;
            }
            md.append("| ").append(o.design()).append(" |");
            for (double r : o.slowerRateAt(thresholds, policy)) {
                md.append(String.format(Locale.ROOT, " %.1f %% |", 100 * r));
            }
            md.append('\n');
        }
        for (AaCalibration.Outcome o : outcomes) {
            if (!o.falseAlarms().isEmpty()) {
                md.append("\n## False alarms: ").append(o.design()).append("\n\n");
                o.falseAlarms().forEach(a -> md.append("- ").append(MarkdownText.escape(a)).append('\n'));
            }
        }
        return md.toString();
    }
}
