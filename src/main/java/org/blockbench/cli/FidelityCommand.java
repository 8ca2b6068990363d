package org.blockbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.bench.Shard;
import org.blockbench.export.Manifest;
import org.blockbench.train.FidelityResult;
import org.blockbench.train.ModelSource;
import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.train.TrainingListener;
import org.blockbench.train.TrainingOptions;
import org.blockbench.train.TrainingProtocol;
import org.blockbench.train.TrainingRun;
import org.blockbench.data.Dataset;
import org.blockbench.data.DatasetName;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.recipe.Recipe;
import org.blockbench.zoo.ModelId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blockbench fidelity}: trains a subset of the zoo under the quick protocol and under the
 * longer, wider one ({@link TrainingProtocol#QUICK}, {@link TrainingProtocol#LONG}), then reports
 * Spearman's ρ between the two rankings and each protocol's seed-to-seed std against the spread
 * between models (docs/accuracy.md). Runs are ordinary training runs under
 * {@code <out>/quick} and {@code <out>/long}: a finished one is kept, an interrupted one resumed.
 * With {@code --shard i/N} (or a job array's variables, as {@code train} reads them) it trains only
 * that shard's (model, seed) runs, under both protocols, and computes nothing; a plain
 * {@code fidelity} over the same output directory then keeps every shard's runs and computes ρ
 * (docs/cluster.md §Fidelity on Slurm).
 */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = {"Measure whether the quick training protocol of `blockbench run` ranks models as a longer, wider one does:"
                + " trains --models under both (same task, --dataset, synthetic by default; same seeds), writes <out>/fidelity.json (Spearman rho"
                + " between the rankings, seed std vs spread between models) and prints a summary. The leaderboard states"
                + " rho next to quick-protocol accuracies. Runs are kept: rerunning resumes. With --shard i/N (or a job"
                + " array's variables) it trains only that shard's (model, seed) runs, under both protocols, and computes"
                + " nothing: a plain fidelity over the same -o then keeps them and computes rho (docs/cluster.md).",
            "Quick: base_channels 16, 1 block/stage, 2,048 images, 1 epoch under warm-up + cosine; long: base_channels 32,"
                    + " 1 block/stage, 4,096 images, 1 epoch, the same schedule; docs/accuracy.md."})
public final class FidelityCommand implements Callable<Integer> {

    /** Eight blocks spanning the zoo (plain, bottleneck, inverted, re-parameterised, large-kernel, ghost, LayerNorm, attention), at late. */
    public static final List<String> DEFAULT_MODELS = List.of("ResNetBasicBlock/late", "ResNetBottleneck/late",
            "InvertedResidual/late", "MobileOneBlock/late", "ReparamLargeKernelConv/late", "GhostBottleneckV3/late",
            "MBConvLNBlock/late", "SelfAttention/late");

    @Option(names = "--manifest", defaultValue = "onnx-models/manifest.json",
            description = "Export manifest listing the zoo models (default: ${DEFAULT-VALUE})")
    Path manifest;

    @Option(names = "--models", split = ",", paramLabel = "BLOCK/POSITION",
            description = "Models to rank, at least 3 (default: eight blocks spanning the zoo at late)")
    List<String> models = new ArrayList<>(DEFAULT_MODELS);

    @Option(names = "--seeds", split = ",", defaultValue = "0,1", description = "Seeds under each protocol (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--data-seed", defaultValue = "0", description = "Seed of the synthetic images (default: ${DEFAULT-VALUE})")
    long dataSeed;

    @Mixin
    DatasetOptions datasetOptions;

    @Option(names = "--threads", defaultValue = "1", description = "LibTorch intra-op threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = {"-o", "--out"}, defaultValue = "analysis/fidelity",
            description = "Output directory: quick/ and long/ runs, " + FidelityResult.FILE_NAME + " (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--image-fraction", defaultValue = "1",
            description = "Train and validate on this fraction of each protocol's images (quick 2,048 + 2,048, long 4,096 +"
                    + " 4,096), at least one batch: a check of the pipeline in seconds, whose rho is not the protocols'"
                    + " (fidelity.json states the sizes) (default: ${DEFAULT-VALUE})")
    double imageFraction;

    @Option(names = {"-q", "--quiet"}, description = "No per-run lines")
    boolean quiet;

    @Mixin
    ShardOption shardOption;

    @Spec
    CommandSpec spec;

    /** The named dataset, whole, read once and cut to each protocol's sizes (null for the synthetic set). */
    private Dataset whole;

    @Override
    public Integer call() {
        if (models.stream().distinct().count() < 3) {
            throw new BadInputException("a ranking needs at least 3 models, found " + models);
        }
        DatasetName datasetChoice = datasetOptions.dataset();
        TrainingProtocol quickProtocol = TrainingProtocol.QUICK.withImageFraction(imageFraction);
        TrainingProtocol longProtocol = TrainingProtocol.LONG.withImageFraction(imageFraction);
        Shard chosen = shardOption.shard();
        TorchRuntime.initialize();
        PrintWriter out = spec.commandLine().getOut();
        Manifest m = Manifest.read(manifest);
        List<ModelId> ids = models.stream().distinct().map(ModelId::parse).toList();
        RunPlan<ModelId> plan = RunPlan.of(ids, seeds, chosen);
        if (!chosen.isAll()) {
            out.println(plan.describe() + ", each under the quick and the long protocol");
            out.flush();
        }
        Map<String, List<Double>> quick = new LinkedHashMap<>();
        Map<String, List<Double>> longer = new LinkedHashMap<>();
        Path file = outDir.resolve(FidelityResult.FILE_NAME);
        String source = dataset(datasetChoice, quickProtocol, 10).source();
        FidelityResult result = null;
        // model by model, both protocols, and the result rewritten after each: a long job cut short still leaves a figure
        for (ModelId id : ids) {
            List<Long> mine = plan.seeds(id);
            if (mine.isEmpty()) {
                continue;
            }
            quick.put(id.toString(), train(quickProtocol, datasetChoice, id, mine, m, out));
            longer.put(id.toString(), train(longProtocol, datasetChoice, id, mine, m, out));
            if (chosen.isAll() && quick.size() >= 2) {
                result = FidelityResult.of(quickProtocol, longProtocol, datasetChoice.id(), source, seeds, quick, longer);
                result.write(file);
            }
        }
        if (!chosen.isAll()) {
            // a shard's runs alone rank nothing: rho is computed once, over every shard's runs
            out.printf("shard %s done: its runs are in %s and %s; `fidelity` without --shard over the same -o keeps every"
                    + " shard's runs and computes rho%n", chosen, outDir.resolve(quickProtocol.name()),
                    outDir.resolve(longProtocol.name()));
            out.flush();
            return ExitCodes.OK;
        }
        out.printf("%-32s %18s %18s%n", "model", "quick mean ± std", "long mean ± std");
        for (FidelityResult.ModelAccuracy a : result.models()) {
            out.printf(Locale.ROOT, "%-32s %8.4f ± %.4f   %8.4f ± %.4f%n", a.id(), a.quickMean(), a.quickStd(), a.longMean(),
                    a.longStd());
        }
        out.printf(Locale.ROOT, "Spearman rho (quick vs long ranking, %d models): %.3f%n", result.models().size(),
                result.spearmanRho());
        spread(out, "quick", result.quickSpread());
        spread(out, "long", result.longSpread());
        out.println("written: " + file);
        out.flush();
        return ExitCodes.OK;
    }

    private static void spread(PrintWriter out, String name, FidelityResult.Spread s) {
        out.printf(Locale.ROOT, "%-5s: seed-to-seed std %.4f, std between models %.4f (range %.4f), ratio %.2f%n", name,
                s.seedStd(), s.betweenStd(), s.range(), s.ratio());
    }

    /** {@code id}'s runs of {@code runSeeds} under {@code protocol}, trained or kept; their final validation accuracies. */
    private List<Double> train(TrainingProtocol protocol, DatasetName dataset, ModelId id, List<Long> runSeeds, Manifest m,
            PrintWriter out) {
        ModelSource.ZooModel model = ModelSource.ZooModel.of(manifest, m, id.block(), id.position())
                .withSize(protocol.baseChannels(), protocol.blocksPerStage());
        Dataset data = dataset(dataset, protocol, model.nativeClasses());
        Recipe recipe = TrainingProtocol.recipe(protocol.budget(id)).forDataset(dataset);
        List<Double> acc = new ArrayList<>();
        for (long seed : runSeeds) {
            TrainingOptions options = new TrainingOptions(recipe, seed, threads, MemoryLayout.NCHW,
                    TrainingOptions.DEFAULT_EVAL_BATCH);
            TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(model, data, options,
                    outDir.resolve(protocol.name()), true, false), TrainingListener.NONE);
            acc.add(r.record().finalValAccuracy());
            if (!quiet) {
                out.printf(Locale.ROOT, "%s %s seed %d: val acc %.4f (%s, %.1f s)%n", protocol.name(), id, seed,
                        r.record().finalValAccuracy(), r.status() == TrainingRun.Status.ALREADY_DONE ? "kept" : "trained",
                        r.record().trainSeconds() + r.record().evalSeconds());
                out.flush();
            }
        }
        return acc;
    }

    /** {@code protocol}'s training and validation images: generated, or the first of the named dataset's. */
    private Dataset dataset(DatasetName dataset, TrainingProtocol protocol, int classes) {
        if (dataset == DatasetName.SYNTHETIC) {
            return dataset.load(null, classes, protocol.trainSize(), protocol.valSize(), dataSeed);
        }
        if (whole == null) {
            whole = dataset.load(datasetOptions.dataDir, classes, null, null, dataSeed);
        }
        return whole.subset(protocol.trainSize(), protocol.valSize());
    }
}
