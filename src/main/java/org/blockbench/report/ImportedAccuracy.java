package org.blockbench.report;

import java.util.List;
import org.blockbench.stats.Stats;

/**
 * A model's imported accuracy on one dataset: mean ± std over the values other tools measured
 * (docs/report.md §Imported accuracy). It is shown in its own place on the board, marked
 * {@value #MARKER} with its sources, and never enters a mean, a ranking, a Pareto frontier or a
 * GWO score together with (or instead of) BlockBench's measured runs.
 *
 * @param valAccuracyPercent validation accuracy, percent, over the imported runs
 * @param runs               the imported runs, in file order
 */
public record ImportedAccuracy(Stats valAccuracyPercent, List<ImportedRun> runs) {

    /** What marks an imported value in every human-readable format. */
    public static final String MARKER = "†imported";

    public ImportedAccuracy {
        runs = List.copyOf(runs);
    }

    /** The summary of {@code runs} (not empty). */
    static ImportedAccuracy of(List<ImportedRun> runs) {
        return new ImportedAccuracy(Stats.of(runs.stream().map(ImportedRun::valAccuracyPercent).toList()), runs);
    }

    /** The files the values come from, in order, each once. */
    public List<String> sources() {
        return runs.stream().map(ImportedRun::source).distinct().toList();
    }
}
