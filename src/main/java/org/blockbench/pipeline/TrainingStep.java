package org.blockbench.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.blockbench.bench.Shard;
import org.blockbench.quant.VariantOptions;
import org.blockbench.train.TrainingModels;
import org.blockbench.train.TrainingOptions;
import org.blockbench.train.TrainingProtocol;
import org.blockbench.train.TrainingSweep;
import org.blockbench.data.DatasetName;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.interp.TrainingDevice;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.build.ZooSelection;

/**
 * One training step of a job: exported models trained under a protocol's budget, each run
 * single-threaded on the CPU (so bit-reproducible), into the workspace's training directory.
 *
 * @param models     the models, by id (packs' models among them)
 * @param blockPacks the packs whose models are rebuilt from them
 * @param manifest   the export manifest listing the models
 * @param protocol   the scaffold size and the image counts
 * @param budget     the recipe, epochs, batch, learning rate and schedule
 * @param dataset    the task
 * @param seeds      each model's run seeds
 * @param out        the training root
 * @param force      redo runs that already finished
 * @param variants   the deployment variants made from the trained weights
 */
public record TrainingStep(List<ModelId> models, List<Path> blockPacks, Path manifest, TrainingProtocol protocol,
                           TrainingProtocol.Budget budget, DatasetName dataset, List<Long> seeds, Path out, boolean force,
                           VariantOptions variants) {

    public TrainingStep {
        models = List.copyOf(models);
        blockPacks = List.copyOf(blockPacks);
        seeds = List.copyOf(seeds);
    }

    /** The training service's request for {@code shard} of this step's runs. */
    public TrainingSweep.Request request(Shard shard) {
        return new TrainingSweep.Request(
                TrainingModels.select(manifest, ZooSelection.all(), models, blockPacks, protocol.baseChannels(),
                        protocol.blocksPerStage()),
                seeds, shard, TrainingProtocol.recipe(budget).forDataset(dataset),
                classes -> dataset.load(null, classes, protocol.trainSize(), protocol.valSize(), 0),
                dataset.classes() > 0 ? Integer.valueOf(dataset.classes()) : null, 1, MemoryLayout.NCHW,
                TrainingOptions.DEFAULT_EVAL_BATCH, TrainingDevice.CPU, out, false, force, variants);
    }
}
