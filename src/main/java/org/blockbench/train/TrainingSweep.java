package org.blockbench.train;

import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.train.interp.TrainingDevice;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.bench.Shard;
import org.blockbench.quant.Fp16Converter;
import org.blockbench.quant.QdqQuantizer;
import org.blockbench.quant.VariantOptions;
import org.blockbench.stats.Stats;
import org.blockbench.text.Progress;
import org.blockbench.data.Dataset;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.recipe.Recipe;

/**
 * The training stage: the (model, seed) runs of a sweep, or one shard's part of them
 * ({@link RunPlan}), each trained, or kept when it already finished, one after another. The one
 * loop over models and seeds: {@code train}, {@code fidelity} and {@code run} go through it.
 */
public final class TrainingSweep {

    /**
     * The images a model trains on, for its class count: loaded once per class count and shared
     * by the models that have it.
     */
    @FunctionalInterface
    public interface Images {

        /** The training and validation images with {@code classes} classes. */
        Dataset load(int classes);
    }

    /**
     * One sweep.
     *
     * @param models    the models, in plan order
     * @param seeds     each model's run seeds
     * @param shard     the part of the (model, seed) runs this process trains
     * @param recipe    the recipe every run follows
     * @param images    the dataset, by class count
     * @param classes   the images' class count: a named dataset's own, else the one asked for; null: each model's
     * @param threads   LibTorch intra-op threads
     * @param layout    the memory layout
     * @param evalBatch the evaluation batch size
     * @param device    where LibTorch trains (checked available by the caller)
     * @param out       the training root; a run lives under {@link TrainingRun#directory}
     * @param resume    continue interrupted runs from their checkpoints
     * @param force     discard the runs' results and checkpoints and start over
     * @param variants  the deployment variants made from the trained weights
     */
    public record Request(List<ModelSource> models, List<Long> seeds, Shard shard, Recipe recipe, Images images,
                          Integer classes, int threads, MemoryLayout layout, int evalBatch, TrainingDevice device, Path out,
                          boolean resume, boolean force, VariantOptions variants) {

        public Request {
            models = List.copyOf(models);
            seeds = List.copyOf(seeds);
            if (resume && force) {
                throw new BadInputException("--resume and --force contradict each other; pass one");
            }
        }
    }

    /** What a sweep hears as it goes: the plan, each run, each model's last run. */
    public interface Listener {

        /** Before the first run. */
        default void planned(RunPlan<ModelSource> plan) {
        }

        /** The progress of one run, labelled "model seed n". */
        default TrainingListener progress(String label) {
            return TrainingListener.NONE;
        }

        /** A run finished (trained now or kept). */
        default void finished(ModelSource model, Dataset data, long seed, TrainingRun.Result result) {
        }

        /** The model's last run in this shard finished; {@code accuracies} are its runs' final validation accuracies. */
        default void modelFinished(ModelSource model, List<Double> accuracies) {
        }
    }

    /**
     * The sweep's runs, in plan order.
     *
     * @param runs the runs this shard trained or kept
     */
    public record Result(List<TrainingRun.Result> runs) {

        public Result {
            runs = List.copyOf(runs);
        }

        /** Runs whose ONNX Runtime parity check failed. */
        public long parityFailures() {
            return runs.stream().filter(r -> !r.record().parity().passed()).count();
        }

        /** Variants their output check refused, over all runs. */
        public long variantsRefused() {
            return runs.stream().flatMap(r -> r.record().variants().stream()).filter(v -> v.refusal().isPresent()).count();
        }

        /** Whether any run failed parity or had a variant refused: the command's exit 1. */
        public boolean findings() {
            return parityFailures() > 0 || variantsRefused() > 0;
        }
    }

    private TrainingSweep() {
    }

    /** Trains (or keeps) {@code request}'s runs of this shard, telling {@code listener} as it goes. */
    public static Result run(Request request, Listener listener) {
        TorchRuntime.initialize();
        RunPlan<ModelSource> plan = RunPlan.of(request.models(), request.seeds(), request.shard());
        listener.planned(plan);
        Map<Integer, Dataset> datasets = new HashMap<>();
        List<TrainingRun.Result> runs = new ArrayList<>();
        for (ModelSource model : request.models()) {
            List<Long> modelSeeds = plan.seeds(model);
            if (modelSeeds.isEmpty()) {
                continue;
            }
            int modelClasses = model.nativeClasses() > 0 ? model.nativeClasses() : 10;
            Dataset data = datasets.computeIfAbsent(request.classes() != null ? request.classes() : modelClasses,
                    request.images()::load);
            if (data.classes() != modelClasses && !model.canChangeClasses()) {
                throw new BadInputException(model.id() + " has " + modelClasses + " classes, dataset " + data.name()
                        + " has " + data.classes());
            }
            List<Double> accuracies = new ArrayList<>();
            for (long seed : modelSeeds) {
                TrainingOptions options = new TrainingOptions(request.recipe(), seed, request.threads(), request.layout(),
                        request.evalBatch(), request.device());
                TrainingRun.Result result = TrainingRun.execute(new TrainingRun.Request(model, data, options, request.out(),
                        request.resume(), request.force(), request.variants()), listener.progress(model.id() + " seed " + seed));
                runs.add(result);
                accuracies.add(result.record().finalValAccuracy());
                listener.finished(model, data, seed, result);
            }
            listener.modelFinished(model, accuracies);
        }
        return new Result(runs);
    }

    /**
     * What {@code train} prints: the shard's share, one line per run (accuracy, ORT parity, each
     * variant's figures on {@code out}, a refused one on {@code err}), each model's mean and std
     * over its seeds, and when {@code progress} {@linkplain Progress.Factory#shows() shows} anything,
     * each epoch's steps through it and a summary line per epoch on {@code err}.
     */
    public static Listener printing(PrintWriter out, PrintStream err, Progress.Factory progress) {
        return new Listener() {
            @Override
            public TrainingListener progress(String label) {
                return progress.shows() ? new ProgressListener(label, progress, err) : TrainingListener.NONE;
            }

            @Override
            public void planned(RunPlan<ModelSource> plan) {
                if (!plan.shard().isAll()) {
                    out.println(plan.describe());
                    out.flush();
                }
            }

            @Override
            public void finished(ModelSource model, Dataset data, long seed, TrainingRun.Result result) {
                RunRecord r = result.record();
                out.printf("%s %s-%s seed %d: %sval acc %.4f after %d epochs (ORT %.4f, agreement %.4f%s)%s -> %s%n",
                        model.id(), r.recipe().name(), data.name(), seed,
                        result.status() == TrainingRun.Status.ALREADY_DONE ? "already done, " : "",
                        r.finalValAccuracy(), r.epochs().size(), r.parity().ortValAccuracy(), r.parity().agreement(),
                        r.parity().deployAgreement() != null ? String.format(", deploy %.4f", r.parity().deployAgreement())
                                : r.parity().deployNote() != null ? ", deploy not checked" : "",
                        r.parity().passed() ? "" : " PARITY FAILED",
                        result.directory().resolve(RunRecord.FILE_NAME));
                for (RunRecord.VariantResult v : r.variants()) {
                    if (v.refusal().isPresent()) {
                        err.printf("%s seed %d %s: %s%n", model.id(), seed, v.variant(), v.refusal().get());
                        err.flush();
                        continue;
                    }
                    out.printf("%s seed %d %s: ORT val acc %.4f (FP32 %.4f, drop %.2f pp), top-1 agreement with FP32 %.4f; "
                            + "left in float32: %s%n", model.id(), seed, v.variant(), v.ortValAccuracy(), v.fp32ValAccuracy(),
                            v.accuracyDropPoints(), v.agreementWithFp32(), v.settings().getOrDefault(
                                    QdqQuantizer.FLOAT_OPS_KEY, v.settings().getOrDefault(Fp16Converter.FLOAT32_OPS_KEY, "none")));
                }
                out.flush();
            }

            @Override
            public void modelFinished(ModelSource model, List<Double> accuracies) {
                if (accuracies.size() > 1) {
                    Stats acc = Stats.of(accuracies);
                    out.printf("%s: val acc mean %.4f, sample std %.4f over %d seeds%n", model.id(), acc.mean(),
                            acc.sampleStandardDeviation(), acc.count());
                    out.flush();
                }
            }
        };
    }
}
