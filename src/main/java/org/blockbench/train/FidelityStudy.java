package org.blockbench.train;

import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.train.interp.TrainingDevice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.blockbench.BadInputException;
import org.blockbench.bench.Shard;
import org.blockbench.export.Manifest;
import org.blockbench.quant.VariantOptions;
import org.blockbench.data.Dataset;
import org.blockbench.data.DatasetName;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.zoo.ModelId;

/**
 * The fidelity stage: a subset of the zoo trained under the quick protocol and under the longer,
 * wider one ({@link TrainingProtocol#QUICK}, {@link TrainingProtocol#LONG}), ranked by both
 * (docs/accuracy.md). Runs are ordinary training runs under {@code <out>/quick} and
 * {@code <out>/long}: a finished one is kept, an interrupted one resumed. A shard (of the
 * (model, seed) plan, {@link RunPlan}) only trains its runs, under both protocols; the result is
 * computed by an unsharded study over the same directory, which keeps every shard's runs.
 */
public final class FidelityStudy {

    /**
     * One study.
     *
     * @param manifest      the export manifest listing the models
     * @param models        the models to rank, at least 3
     * @param seeds         the seeds under each protocol
     * @param dataset       the task
     * @param dataDir       the dataset's directory (null: its default)
     * @param dataSeed      the seed of the synthetic images
     * @param threads       LibTorch intra-op threads
     * @param imageFraction the fraction of each protocol's images trained and validated on
     * @param shard         the part of the (model, seed) runs this process trains
     * @param out           the study's directory: quick/ and long/ runs, {@value FidelityResult#FILE_NAME}
     */
    public record Request(Path manifest, List<ModelId> models, List<Long> seeds, DatasetName dataset, Path dataDir, long dataSeed,
                          int threads, double imageFraction, Shard shard, Path out) {

        public Request {
            models = models.stream().distinct().toList();
            seeds = List.copyOf(seeds);
            if (models.size() < 3) {
                throw new BadInputException("a ranking needs at least 3 models, found " + models);
            }
        }
    }

    /** What a study hears as it goes. */
    public interface Listener {

        /** Before the first run. */
        default void planned(RunPlan<ModelId> plan) {
        }

        /** A run under {@code protocol} finished (trained now or kept). */
        default void finished(TrainingProtocol protocol, ModelId model, long seed, TrainingRun.Result result) {
        }
    }

    /** The named dataset, whole, read once and cut to each protocol's sizes (null for the synthetic set). */
    private Dataset whole;

    private final Request request;

    private FidelityStudy(Request request) {
        this.request = request;
    }

    /**
     * Trains {@code request}'s runs of its shard; the result, written to
     * {@value FidelityResult#FILE_NAME} after each model (a long study cut short still leaves a
     * figure), or empty for a shard, whose runs alone rank nothing.
     */
    public static Optional<FidelityResult> run(Request request, Listener listener) {
        return new FidelityStudy(request).run(listener);
    }

    private Optional<FidelityResult> run(Listener listener) {
        TrainingProtocol quickProtocol = quick(request);
        TrainingProtocol longProtocol = longer(request);
        TorchRuntime.initialize();
        Manifest m = Manifest.read(request.manifest());
        RunPlan<ModelId> plan = RunPlan.of(request.models(), request.seeds(), request.shard());
        listener.planned(plan);
        Map<String, List<Double>> quick = new LinkedHashMap<>();
        Map<String, List<Double>> longer = new LinkedHashMap<>();
        String source = dataset(quickProtocol, 10).source();
        FidelityResult result = null;
        for (ModelId id : request.models()) {
            List<Long> mine = plan.seeds(id);
            if (mine.isEmpty()) {
                continue;
            }
            quick.put(id.toString(), train(quickProtocol, id, mine, m, listener));
            longer.put(id.toString(), train(longProtocol, id, mine, m, listener));
            if (request.shard().isAll() && quick.size() >= 2) {
                result = FidelityResult.of(quickProtocol, longProtocol, request.dataset().id(), source, request.seeds(), quick, longer);
                result.write(request.out().resolve(FidelityResult.FILE_NAME));
            }
        }
        return Optional.ofNullable(result);
    }

    /** The quick protocol at the request's image fraction. */
    public static TrainingProtocol quick(Request request) {
        return TrainingProtocol.QUICK.withImageFraction(request.imageFraction());
    }

    /** The long protocol at the request's image fraction. */
    public static TrainingProtocol longer(Request request) {
        return TrainingProtocol.LONG.withImageFraction(request.imageFraction());
    }

    /** {@code id}'s runs of {@code seeds} under {@code protocol}, trained or kept; their final validation accuracies. */
    private List<Double> train(TrainingProtocol protocol, ModelId id, List<Long> seeds, Manifest m, Listener listener) {
        ModelSource.ZooModel model = ModelSource.ZooModel.of(request.manifest(), m, id.block(), id.position())
                .withSize(protocol.baseChannels(), protocol.blocksPerStage());
        TrainingSweep.Request sweep = new TrainingSweep.Request(List.<ModelSource>of(model), seeds, Shard.ALL,
                TrainingProtocol.recipe(protocol.budget(id)).forDataset(request.dataset()), classes -> dataset(protocol, classes),
                model.nativeClasses(), request.threads(), MemoryLayout.NCHW, TrainingOptions.DEFAULT_EVAL_BATCH, TrainingDevice.CPU,
                request.out().resolve(protocol.name()), true, false, VariantOptions.none());
        TrainingSweep.Result result = TrainingSweep.run(sweep, new TrainingSweep.Listener() {
            @Override
            public void finished(ModelSource trained, Dataset data, long seed, TrainingRun.Result r) {
                listener.finished(protocol, id, seed, r);
            }
        });
        List<Double> accuracies = new ArrayList<>();
        result.runs().forEach(r -> accuracies.add(r.record().finalValAccuracy()));
        return accuracies;
    }

    /** {@code protocol}'s training and validation images: generated, or the first of the named dataset's. */
    private Dataset dataset(TrainingProtocol protocol, int classes) {
        if (request.dataset() == DatasetName.SYNTHETIC) {
            return request.dataset().load(null, classes, protocol.trainSize(), protocol.valSize(), request.dataSeed());
        }
        if (whole == null) {
            whole = request.dataset().load(request.dataDir(), classes, null, null, request.dataSeed());
        }
        return whole.subset(protocol.trainSize(), protocol.valSize());
    }
}
