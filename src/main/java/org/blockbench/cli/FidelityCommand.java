package org.blockbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.blockbench.export.Manifest;
import org.blockbench.train.FidelityResult;
import org.blockbench.train.ModelSource;
import org.blockbench.train.TorchRuntime;
import org.blockbench.train.TrainingListener;
import org.blockbench.train.TrainingOptions;
import org.blockbench.train.TrainingProtocol;
import org.blockbench.train.TrainingRun;
import org.blockbench.train.data.Dataset;
import org.blockbench.train.data.SyntheticDataset;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.zoo.ModelId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blockbench fidelity}: trains a subset of the zoo under the quick protocol and under the
 * longer, wider one ({@link TrainingProtocol#QUICK}, {@link TrainingProtocol#LONG}), then reports
 * Spearman's ρ between the two rankings and each protocol's seed-to-seed std against the spread
 * between models (docs/accuracy.md). Runs are ordinary training runs under
 * {@code <out>/quick} and {@code <out>/long}: a finished one is kept, an interrupted one resumed.
 */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = {"Measure whether the quick training protocol of `blockbench run` ranks models as a longer, wider one does:"
                + " trains --models under both (same synthetic task, same seeds), writes <out>/fidelity.json (Spearman rho"
                + " between the rankings, seed std vs spread between models) and prints a summary. The leaderboard states"
                + " rho next to quick-protocol accuracies. Runs are kept: rerunning resumes.",
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

    @Option(names = "--threads", defaultValue = "1", description = "LibTorch intra-op threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = {"-o", "--out"}, defaultValue = "analysis/fidelity",
            description = "Output directory: quick/ and long/ runs, " + FidelityResult.FILE_NAME + " (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = {"-q", "--quiet"}, description = "No per-run lines")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (models.stream().distinct().count() < 3) {
            throw new org.blockbench.BadInputException("a ranking needs at least 3 models, found " + models);
        }
        TorchRuntime.initialize();
        PrintWriter out = spec.commandLine().getOut();
        Manifest m = Manifest.read(manifest);
        List<ModelId> ids = models.stream().distinct().map(ModelId::parse).toList();
        Map<String, List<Double>> quick = new LinkedHashMap<>();
        Map<String, List<Double>> longer = new LinkedHashMap<>();
        Path file = outDir.resolve(FidelityResult.FILE_NAME);
        String source = dataset(TrainingProtocol.QUICK, 10).source();
        FidelityResult result = null;
        // model by model, both protocols, and the result rewritten after each: a long job cut short still leaves a figure
        for (ModelId id : ids) {
            quick.put(id.toString(), train(TrainingProtocol.QUICK, id, m, out));
            longer.put(id.toString(), train(TrainingProtocol.LONG, id, m, out));
            if (quick.size() >= 2) {
                result = FidelityResult.of(TrainingProtocol.QUICK, TrainingProtocol.LONG, source, seeds, quick, longer);
                result.write(file);
            }
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

    private List<Double> train(TrainingProtocol protocol, ModelId id, Manifest m, PrintWriter out) {
        ModelSource.ZooModel model = ModelSource.ZooModel.of(manifest, m, id.block(), id.position())
                .withSize(protocol.baseChannels(), protocol.blocksPerStage());
        Dataset data = dataset(protocol, model.nativeClasses());
        List<Double> acc = new ArrayList<>();
        for (long seed : seeds) {
            TrainingOptions options = new TrainingOptions(TrainingProtocol.recipe(protocol.budget(id)), seed, threads, MemoryLayout.NCHW,
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

    private Dataset dataset(TrainingProtocol protocol, int classes) {
        return SyntheticDataset.generate(classes, protocol.trainSize(), protocol.valSize(), dataSeed);
    }
}
