package org.blockbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.model.ModelRef;
import org.blockbench.train.FidelityResult;
import org.blockbench.train.FidelityStudy;
import org.blockbench.train.RunPlan;
import org.blockbench.train.TrainingProtocol;
import org.blockbench.train.TrainingRun;
import org.blockbench.zoo.ModelId;
import org.blockbench.pipeline.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blockbench fidelity}: {@link FidelityStudy} — trains a subset of the zoo under the quick protocol and under the
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

    @Option(names = "--manifest", defaultValue = Workspace.MANIFEST,
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

    @Option(names = {"-o", "--out"}, defaultValue = Workspace.FIDELITY,
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

    @Override
    public Integer call() {
        FidelityStudy.Request request = new FidelityStudy.Request(manifest, models.stream().map(FidelityCommand::zooModel).toList(), seeds,
                datasetOptions.dataset(), datasetOptions.dataDir, dataSeed, threads, imageFraction, shardOption.shard(), outDir);
        PrintWriter out = spec.commandLine().getOut();
        Optional<FidelityResult> study = FidelityStudy.run(request, new FidelityStudy.Listener() {
            @Override
            public void planned(RunPlan<ModelId> plan) {
                if (!plan.shard().isAll()) {
                    out.println(plan.describe() + ", each under the quick and the long protocol");
                    out.flush();
                }
            }

            @Override
            public void finished(TrainingProtocol protocol, ModelId id, long seed, TrainingRun.Result r) {
                if (!quiet) {
                    out.printf(Locale.ROOT, "%s %s seed %d: val acc %.4f (%s, %.1f s)%n", protocol.name(), id, seed,
                            r.record().finalValAccuracy(), r.status() == TrainingRun.Status.ALREADY_DONE ? "kept" : "trained",
                            r.record().trainSeconds() + r.record().evalSeconds());
                    out.flush();
                }
            }
        });
        if (!request.shard().isAll()) {
            // a shard's runs alone rank nothing: rho is computed once, over every shard's runs
            out.printf("shard %s done: its runs are in %s and %s; `fidelity` without --shard over the same -o keeps every"
                    + " shard's runs and computes rho%n", request.shard(), outDir.resolve(FidelityStudy.quick(request).name()),
                    outDir.resolve(FidelityStudy.longer(request).name()));
            out.flush();
            return ExitCodes.OK;
        }
        FidelityResult result = study.orElseThrow();
        out.printf("%-32s %18s %18s%n", "model", "quick mean ± std", "long mean ± std");
        for (FidelityResult.ModelAccuracy a : result.models()) {
            out.printf(Locale.ROOT, "%-32s %8.4f ± %.4f   %8.4f ± %.4f%n", a.id(), a.quickMean(), a.quickStd(), a.longMean(),
                    a.longStd());
        }
        out.printf(Locale.ROOT, "Spearman rho (quick vs long ranking, %d models): %.3f%n", result.models().size(),
                result.spearmanRho());
        spread(out, "quick", result.quickSpread());
        spread(out, "long", result.longSpread());
        out.println("written: " + outDir.resolve(FidelityResult.FILE_NAME));
        out.flush();
        return ExitCodes.OK;
    }

    /** A model fidelity can rank: one of the manifest's, which it builds at both protocols' sizes; a file is not. */
    private static ModelId zooModel(String text) {
        if (ModelRef.parse(text) instanceof ModelRef.ManifestModel m) {
            return m.id();
        }
        throw new BadInputException("fidelity ranks exported models, which it rebuilds at both protocols' sizes; --models names"
                + " the file " + text + ", give Block/position ids");
    }

    private static void spread(PrintWriter out, String name, FidelityResult.Spread s) {
        out.printf(Locale.ROOT, "%-5s: seed-to-seed std %.4f, std between models %.4f (range %.4f), ratio %.2f%n", name,
                s.seedStd(), s.betweenStd(), s.range(), s.ratio());
    }
}
