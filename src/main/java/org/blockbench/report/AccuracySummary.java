package org.blockbench.report;

import java.util.List;
import org.blockbench.stats.Stats;

/**
 * Accuracy of one model on one dataset over its seeds: runs of one recipe and epoch count.
 *
 * @param recipe               recipe of the runs
 * @param epochs               epochs of the runs
 * @param valAccuracyPercent   final validation accuracy, mean ± std over seeds
 * @param trainAccuracyPercent final training accuracy, mean ± std over seeds (null if not recorded)
 * @param valLoss              final validation loss, mean ± std (null if not recorded)
 * @param wallSeconds          training wall time, mean ± std (null if not recorded)
 * @param runs                 the runs, by seed
 */
public record AccuracySummary(String recipe, int epochs, Stats valAccuracyPercent, Stats trainAccuracyPercent,
                              Stats valLoss, Stats wallSeconds, List<SeedResult> runs) {

    public AccuracySummary {
        runs = List.copyOf(runs);
    }

    /** Mean validation accuracy, percent. */
    public double meanPercent() {
        return valAccuracyPercent.mean();
    }
}
