package org.blockbench.report;

import org.blockbench.model.ModelRef;
/**
 * One accuracy that another tool measured, read by {@code leaderboard --import-accuracy} from
 * its CSV (docs/report.md §Imported accuracy). Never averaged with BlockBench's own runs.
 *
 * @param model              the model, mapped to BlockBench's names
 * @param dataset            dataset name in BlockBench's spelling (cifar10, cifar100, ...)
 * @param seed               the run's seed, null when the file does not record it
 * @param epochs             epochs trained, null when the file does not record it
 * @param valAccuracyPercent validation (test) accuracy, percent 0–100
 * @param source             the file's name, shown beside every imported value
 * @param format             which layout the file has ({@link AccuracyImport.Layout#id()})
 * @param line               the line of the file the value is on
 */
public record ImportedRun(ModelRef model, String dataset, Long seed, Integer epochs, double valAccuracyPercent,
                          String source, String format, int line) {
}
