package org.blockbench.report;

import org.blockbench.model.ModelRef;
/**
 * One finished training run of one model, as the leaderboard uses it. Accuracies are percent
 * (0–100); a value the run did not record is NaN (or "" for text).
 *
 * @param model                 the model trained
 * @param dataset               dataset name (synthetic, cifar10, cifar100, ...)
 * @param recipe                recipe name (blockzoo, gwo)
 * @param seed                  the run's seed
 * @param epochs                epochs trained
 * @param batchSize             training batch size
 * @param learningRate          initial learning rate
 * @param valAccuracyPercent    final validation (test) accuracy
 * @param trainAccuracyPercent  final training accuracy
 * @param valLoss               final validation loss
 * @param wallSeconds           training wall time
 * @param finishedAt            when the run finished (ISO-8601), "" if not recorded
 * @param source                the result file
 * @param scaffold              the scaffold size it was trained at (docs/protocol.md §Quick protocol), null for a file
 *                              (a record without the field was the full size)
 * @param trainImages           training images per epoch
 * @param variants              INT8/FP16 variants the run evaluated (empty when none)
 */
public record SeedResult(ModelRef model, String dataset, String recipe, long seed, int epochs, int batchSize,
                          double learningRate, double valAccuracyPercent, double trainAccuracyPercent, double valLoss,
                          double wallSeconds, String finishedAt, String source,
                          org.blockbench.train.RunRecord.ScaffoldInfo scaffold, int trainImages,
                          java.util.List<VariantSeed> variants) {

    public SeedResult {
        variants = variants == null ? java.util.List.of() : java.util.List.copyOf(variants);
    }

    /** Whether the model was trained at a reduced scaffold size (not the published 64 channels, 3 blocks per stage). */
    public boolean reducedScaffold() {
        return scaffold != null && !scaffold.fullSize();
    }

    /** Groups runs that are comparable seeds of one protocol: recipe, epochs, scaffold size. */
    String protocolKey() {
        return recipe + "\u0000" + epochs + (scaffold == null || scaffold.fullSize() ? ""
                : "\u0000" + scaffold.baseChannels() + "x" + scaffold.blocksPerStage());
    }

    /**
     * One variant of the run's trained deploy form (run.json's {@code variants}).
     *
     * @param accuracyDropPoints FP32 minus variant accuracy, percentage points
     * @param agreementWithFp32  fraction of validation images with FP32's top-1 class
     * @param validationImages   images both were evaluated on (0 when not recorded)
     */
    public record VariantSeed(String variant, double valAccuracyPercent, double accuracyDropPoints,
                              double agreementWithFp32, int validationImages) {
    }
}
