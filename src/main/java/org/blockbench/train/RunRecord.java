package org.blockbench.train;

import java.util.List;
import java.util.Map;
import org.blockbench.train.interp.TorchRuntime;

/**
 * The result of one training run, written as {@code run.json} in the run's directory (see
 * docs/train.md for the layout). Accuracies are fractions in [0, 1]; times are wall-clock
 * seconds; the leaderboard reads these files.
 *
 * @param format             "blockbench-training-run/1"
 * @param model              what was trained
 * @param scaffold           the scaffold size it was built at (zoo and pack models), or null (an ONNX file)
 * @param recipe             the recipe as used (overrides applied)
 * @param dataset            the data as used (after subsetting)
 * @param seed               data order, augmentation, dropout and (zoo models) initialisation
 * @param threads            LibTorch intra-op threads
 * @param memoryFormat       "nchw" or "channels_last"
 * @param epochs             one entry per epoch, in order
 * @param finalValAccuracy   validation accuracy after the last epoch (the trained model's)
 * @param finalValLoss       validation loss after the last epoch
 * @param bestValAccuracy    best validation accuracy over the epochs
 * @param trainSeconds       training passes, summed over epochs (and over resumed processes)
 * @param evalSeconds        validation passes, summed
 * @param trainImagesPerSecond training images / trainSeconds
 * @param parity             ONNX Runtime against the trainer on the validation set
 * @param artefacts          trained models written, by kind ("train_onnx", "deploy_onnx")
 * @param provenance         software, machine and timing context
 * @param variants           INT8/FP16 variants of the trained deploy form evaluated in ONNX Runtime
 *                           ({@code --variants}); empty in records written before variants existed
 */
public record RunRecord(String format, ModelInfo model, ScaffoldInfo scaffold, RecipeInfo recipe, DatasetInfo dataset, long seed, int threads,
                        String memoryFormat, List<EpochResult> epochs, double finalValAccuracy, double finalValLoss,
                        double bestValAccuracy, double trainSeconds, double evalSeconds, double trainImagesPerSecond,
                        Parity parity, Map<String, Artefact> artefacts, Provenance provenance,
                        List<VariantResult> variants) {

    public RunRecord {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** A record without variants. */
    public RunRecord(String format, ModelInfo model, ScaffoldInfo scaffold, RecipeInfo recipe, DatasetInfo dataset, long seed,
                     int threads, String memoryFormat, List<EpochResult> epochs, double finalValAccuracy, double finalValLoss,
                     double bestValAccuracy, double trainSeconds, double evalSeconds, double trainImagesPerSecond,
                     Parity parity, Map<String, Artefact> artefacts, Provenance provenance) {
        this(format, model, scaffold, recipe, dataset, seed, threads, memoryFormat, epochs, finalValAccuracy, finalValLoss,
                bestValAccuracy, trainSeconds, evalSeconds, trainImagesPerSecond, parity, artefacts, provenance, List.of());
    }

    /** This record with {@code more} variant results (replacing those of the same variant). */
    public RunRecord withVariants(List<VariantResult> more) {
        java.util.Map<String, VariantResult> all = new java.util.LinkedHashMap<>();
        variants.forEach(v -> all.put(v.variant(), v));
        more.forEach(v -> all.put(v.variant(), v));
        return new RunRecord(format, model, scaffold, recipe, dataset, seed, threads, memoryFormat, epochs, finalValAccuracy,
                finalValLoss, bestValAccuracy, trainSeconds, evalSeconds, trainImagesPerSecond, parity, artefacts,
                provenance, List.copyOf(all.values()));
    }

    /**
     * A deployment variant of the trained deploy form on the same validation images through ONNX
     * Runtime (docs/quantization.md §Accuracy).
     *
     * @param variant           {@code int8} or {@code fp16}
     * @param samples           validation images
     * @param ortValAccuracy    the variant's accuracy
     * @param fp32ValAccuracy   the FP32 deploy form's accuracy in ONNX Runtime on the same images
     * @param accuracyDropPoints (FP32 − variant) accuracy in percentage points
     * @param agreementWithFp32 fraction of images where the variant's top-1 class is FP32's
     * @param artefact          the variant file written in the run directory
     * @param settings          its metadata: calibration method and set (dataset, images, batch, seed), ops left in float
     */
    public record VariantResult(String variant, int samples, double ortValAccuracy, double fp32ValAccuracy,
                                double accuracyDropPoints, double agreementWithFp32, Artefact artefact,
                                Map<String, String> settings) {

        /** The settings key holding why a variant was refused (its output check's one line); no file, no accuracy. */
        public static final String REFUSED_KEY = "refused";

        /** A variant refused by its output check: recorded, so the run is not re-quantized each time, and not evaluated. */
        public static VariantResult refused(String variant, double fp32ValAccuracy, String why) {
            return new VariantResult(variant, 0, Double.NaN, fp32ValAccuracy, Double.NaN, Double.NaN, null,
                    Map.of(REFUSED_KEY, why));
        }

        /** Why the variant was refused, if it was. */
        public java.util.Optional<String> refusal() {
            return java.util.Optional.ofNullable(settings == null ? null : settings.get(REFUSED_KEY));
        }
    }

    public static final String FORMAT = "blockbench-training-run/1";
    public static final String FILE_NAME = "run.json";

    /**
     * Reads a {@value #FILE_NAME}: the one declaration of its schema is this record, shared by
     * {@code blockbench train} (which writes it) and the leaderboard (which reads it). Empty
     * when the file is JSON of another format; a number written as {@code null} reads as NaN.
     *
     * @throws org.blockbench.BadInputException when the file is not JSON or does not fit the record
     */
    public static java.util.Optional<RunRecord> read(java.nio.file.Path file) {
        return TrainJson.readRun(file);
    }

    /**
     * @param id               {@code model.ModelRef#directory()}: "Block/position", or "onnx/&lt;key&gt;" for a file
     * @param block            zoo block, or null
     * @param position         zoo position, or null
     * @param source           the manifest it came from, or the ONNX file's absolute path ({@code ModelRef#text()})
     * @param init             how the initial weights were chosen
     * @param initialSha256    SHA-256 of the initial train-form graph's bytes
     * @param trainableParams  trainable parameter elements
     * @param bufferElements   BN running-statistic elements
     * @param classes          outputs of the classifier
     */
    public record ModelInfo(String id, String block, String position, String source, String init, String initialSha256,
                            long trainableParams, long bufferElements, int classes) {
    }

    /**
     * The scaffold size (docs/protocol.md §Scaffold, §Quick protocol): BlockZoo's knobs.
     *
     * @param baseChannels   stem and stage-A width (stages base, 2·base, 4·base); 64 published; null for a GWO network
     * @param blocksPerStage blocks in each stage; 3 published; null for a GWO network
     * @param fullSize       the published size (a GWO network always is)
     * @param note           why the model is not at the size asked for (a block pack), or what applies instead, or null
     */
    public record ScaffoldInfo(Integer baseChannels, Integer blocksPerStage, boolean fullSize, String note) {
    }

    /** The recipe's values; {@code overrides} names those changed from the published recipe. */
    public record RecipeInfo(String name, String optimizer, double learningRate, double momentum, double weightDecay,
                             String schedule, int batchSize, int epochs, String augmentation, float[] normalizationMean,
                             float[] normalizationStd, String loss, List<String> overrides) {
    }

    /**
     * @param valIsTestSet true for CIFAR and Fashion-MNIST, whose official test set is the validation set (docs/protocol.md §Datasets)
     */
    public record DatasetInfo(String name, String source, int trainSize, int valSize, int classes, boolean valIsTestSet) {
    }

    /**
     * @param samples              validation images compared
     * @param trainerValAccuracy   the trainer's eval-mode accuracy on them
     * @param ortValAccuracy       ONNX Runtime's accuracy with the trained train-form file
     * @param agreement            fraction of images where both predict the same class
     * @param required             the agreement a run must reach (0.999)
     * @param passed               agreement ≥ required (and the same for the deploy form, if any)
     * @param deployOrtValAccuracy ONNX Runtime's accuracy with the trained deploy-form file, or null
     * @param deployAgreement      its agreement with the trainer, or null
     * @param deployNote           why no deploy form was rebuilt and checked although the model has one, or null
     */
    public record Parity(int samples, double trainerValAccuracy, double ortValAccuracy, double agreement, double required,
                         boolean passed, Double deployOrtValAccuracy, Double deployAgreement, String deployNote) {
    }

    /** A file written by the run: path relative to the run directory. */
    public record Artefact(String path, String sha256, long bytes) {
    }

    /**
     * @param gitRevision    {@link org.blockbench.host.GitCheckout#revision()}: the commit, or "unknown (why)"
     *                       (plain "unknown" in records written before the two captures were one)
     * @param resumedAtEpoch epochs done by earlier processes (0 for an uninterrupted run)
     * @param device         where LibTorch trained: "cpu" or "cuda" (null in records written before --device existed)
     * @param cpu            the CPU model and its vector extensions ({@link org.blockbench.host.CpuFeatures}; null in older records):
     *                       training is bit-identical on one machine, not across CPUs (docs/accuracy.md)
     * @param kernels        the LibTorch and BLAS kernels that ran ({@link TorchRuntime#kernels()}; null in older records)
     */
    public record Provenance(String blockbenchVersion, String gitRevision, String java, String os, String arch,
                             int cpus, String pytorch, String onnxruntime, String startedAt, String finishedAt,
                             int resumedAtEpoch, String device, org.blockbench.host.CpuFeatures cpu, TorchRuntime.Kernels kernels) {
    }
}
