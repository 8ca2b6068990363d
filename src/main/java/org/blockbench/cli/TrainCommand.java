package org.blockbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.bench.Shard;
import org.blockbench.model.ModelRef;
import org.blockbench.train.ModelSource;
import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.train.interp.TrainingDevice;
import org.blockbench.train.TrainingModels;
import org.blockbench.train.TrainingSweep;
import org.blockbench.data.CifarBinary;
import org.blockbench.data.CifarDownload;
import org.blockbench.data.Dataset;
import org.blockbench.data.DatasetName;
import org.blockbench.data.FashionMnist;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.recipe.Recipe;
import org.blockbench.train.recipe.Recipes;
import org.blockbench.train.recipe.Schedule;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.build.ZooSelection;
import org.blockbench.pipeline.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blockbench train}: trains zoo models and block packs' models (from the export manifest) or ONNX files with a
 * published recipe, writes run.json and the trained ONNX files per (model, recipe, dataset,
 * seed), and checks ONNX Runtime against the trainer. Exit 1 when a run fails ORT parity.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train zoo models, block packs' models or ONNX files with a published recipe (LibTorch on CPU or CUDA) and record accuracy.",
            "Writes <out>/<model>/<recipe>-<dataset>/seed-<n>/{run.json, trained.train.onnx, trained.deploy.onnx}.",
            "Exit 1 when ONNX Runtime and the trainer disagree on more than 0.1%% of validation images."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    ModelSelection selection;

    @Mixin
    VariantCliOptions variantOptions;

    @Option(names = "--models", split = ",", paramLabel = "MODEL",
            description = "Models, comma-separated: zoo or block-pack ids (ResNetBasicBlock/mid,StandardConv/gwo-net) or"
                    + " ONNX files (a name ending in .onnx, trained as --onnx trains it)")
    List<String> modelIds = new ArrayList<>();

    @Option(names = "--onnx", paramLabel = "FILE", description = "ONNX files to train (repeatable); trained from their own weights,"
            + " as a .onnx name in --models is")
    List<Path> onnxFiles = new ArrayList<>();

    @Option(names = "--block-pack", paramLabel = "DIR",
            description = "A block pack (docs/own-block.md) exported into --manifest; its models are rebuilt from it and"
                    + " trained like zoo models, selected by --models BLOCK/POSITION, --blocks or --positions; repeatable")
    List<Path> blockPacks = new ArrayList<>();

    @Option(names = "--manifest", defaultValue = Workspace.MANIFEST,
            description = "Export manifest listing the zoo models (default: ${DEFAULT-VALUE})")
    Path manifest;

    @Option(names = "--base-channels", defaultValue = "64",
            description = "Scaffold width knob (BlockZoo's base_channels): stem and stages base, 2*base, 4*base; 64 is the"
                    + " published scaffold; block packs and GWO networks keep their own size (docs/protocol.md §Quick protocol)"
                    + " (default: ${DEFAULT-VALUE})")
    int baseChannels;

    @Option(names = "--blocks-per-stage", defaultValue = "3",
            description = "Scaffold depth knob (BlockZoo's num_blocks); 3 is the published scaffold (default: ${DEFAULT-VALUE})")
    int blocksPerStage;

    @Option(names = "--recipe", defaultValue = "blockzoo", description = "Recipe: blockzoo or gwo (default: ${DEFAULT-VALUE})")
    String recipeName;

    @Mixin
    DatasetOptions datasetOptions;

    @Option(names = "--download", description = "Fetch the CIFAR binary archive into --data-dir, verify its MD5, extract it")
    boolean download;

    @Option(names = "--download-only",
            description = "Only fetch --dataset (cifar10 or cifar100) into --data-dir, verify its MD5, extract it, and exit:"
                    + " the step before a sharded sweep, whose shards must not download into one directory at once")
    boolean downloadOnly;

    @Option(names = "--classes", description = "Classes of the synthetic dataset (default: the model's)")
    Integer classes;

    @Option(names = "--data-seed", defaultValue = "0", description = "Seed of the synthetic images (default: ${DEFAULT-VALUE})")
    long dataSeed;

    @Option(names = "--seeds", split = ",", defaultValue = "0",
            description = "Run seeds, comma-separated; each is one run (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--epochs", description = "Override the recipe's epochs")
    Integer epochs;

    @Option(names = "--batch", description = "Override the recipe's batch size")
    Integer batch;

    @Option(names = "--lr", description = "Override the recipe's learning rate")
    Double learningRate;

    @Option(names = "--schedule", description = "Override the recipe's learning-rate schedule: constant, reduce-on-plateau"
            + " (per epoch, on the validation loss) or warmup-cosine (per step: linear warm-up over a tenth of the steps,"
            + " then cosine to 0; what the quick protocol uses)")
    String schedule;

    @Option(names = "--train-size", description = "Use the first N training images (default: all)")
    Integer trainSize;

    @Option(names = "--val-size", description = "Use the first N validation images (default: all)")
    Integer valSize;

    @Option(names = "--threads", defaultValue = "1",
            description = "LibTorch intra-op threads (default: ${DEFAULT-VALUE}: bit-reproducible, and fastest on a busy machine)")
    int threads;

    @Option(names = "--memory-format", defaultValue = "nchw", description = "nchw or channels_last (default: ${DEFAULT-VALUE})")
    String memoryFormat;

    @Option(names = "--eval-batch", defaultValue = "" + org.blockbench.train.TrainingOptions.DEFAULT_EVAL_BATCH,
            description = "Evaluation batch size; does not change accuracy (default: ${DEFAULT-VALUE})")
    int evalBatch;

    @Option(names = {"-o", "--out"}, defaultValue = Workspace.TRAINING, description = "Output root (default: ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--resume", description = "Continue interrupted runs from their last epoch checkpoint")
    boolean resume;

    @Option(names = "--force", description = "Discard existing results and checkpoints of the selected runs and start over")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars")
    boolean quiet;

    @Mixin
    ShardOption shardOption;

    @Option(names = "--device", defaultValue = "cpu",
            description = "cpu or cuda (LibTorch's CUDA build: mvn -Pcuda package; docs/train.md) (default: ${DEFAULT-VALUE})")
    String device;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TorchRuntime.initialize();
        PrintWriter out = spec.commandLine().getOut();
        if (resume && force) {
            throw new BadInputException("--resume and --force contradict each other; pass one");
        }
        DatasetName dataset = datasetOptions.dataset();
        if ((download || downloadOnly) && dataset != DatasetName.CIFAR10 && dataset != DatasetName.CIFAR100) {
            throw new BadInputException((downloadOnly ? "--download-only" : "--download") + " fetches a CIFAR dataset: pass"
                    + " --dataset cifar10 or --dataset cifar100"
                    + (dataset == DatasetName.FASHION_MNIST ? "; Fashion-MNIST comes from `apt install "
                            + FashionMnist.PACKAGE + "` (or --data-dir DIR holding its IDX files)" : ""));
        }
        if (downloadOnly) {
            CifarBinary variant = CifarBinary.parse(dataset.id());
            Path where = CifarDownload.official(variant).ensure(dataDir(dataset), ConsoleProgress.of(quiet));
            variant.read(where); // the files are complete and readable
            out.printf("%s is ready in %s%n", dataset.id(), where);
            out.flush();
            return ExitCodes.OK;
        }
        // before any model is read or file written: a missing CUDA build or device is one line, exit 2
        TrainingDevice trainingDevice = TrainingDevice.parse(device).requireAvailable();
        Shard chosen = shardOption.shard();
        List<ModelSource> models = models();
        TrainingSweep.Request request = new TrainingSweep.Request(models, seeds, chosen, recipe(dataset),
                n -> dataset(dataset, n), dataset.classes() > 0 ? Integer.valueOf(dataset.classes()) : classes, threads,
                MemoryLayout.parse(memoryFormat), evalBatch, trainingDevice, outDir, resume, force, variantOptions.options());
        TrainingSweep.Result result = TrainingSweep.run(request, TrainingSweep.printing(out, System.err, ConsoleProgress.of(quiet)));
        return result.findings() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private List<ModelSource> models() {
        ZooSelection zoo = selection.selection();
        if (!zoo.narrowed() && modelIds.isEmpty() && onnxFiles.isEmpty() && blockPacks.isEmpty()) {
            throw new BadInputException("choose what to train: --models BLOCK/POSITION, --blocks/--positions/--gwo-network"
                    + " (zoo models listed in " + manifest + "), --block-pack DIR and/or --onnx FILE");
        }
        List<ModelId> named = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String text : modelIds) {
            if (ModelRef.parse(text) instanceof ModelRef.ManifestModel model) {
                named.add(model.id());
            } else {
                files.add(Path.of(text));
            }
        }
        files.addAll(onnxFiles);
        List<ModelSource> models = new ArrayList<>(TrainingModels.select(manifest, zoo, named, blockPacks, baseChannels,
                blocksPerStage));
        files.forEach(f -> models.add(ModelSource.OnnxFile.read(f)));
        return models;
    }

    /** The recipe with the overrides given, and the dataset's own normalisation where it has one. */
    private Recipe recipe(DatasetName dataset) {
        Recipe r = Recipes.byName(recipeName).forDataset(dataset);
        if (epochs != null) {
            r = r.withEpochs(epochs);
        }
        if (batch != null) {
            r = r.withBatchSize(batch);
        }
        if (learningRate != null) {
            r = r.withLearningRate(learningRate);
        }
        if (schedule != null) {
            r = r.withSchedule(Schedule.parse(schedule, r.schedule()));
        }
        return r;
    }

    /** {@code --data-dir}, else the dataset's own default directory. */
    private Path dataDir(DatasetName dataset) {
        return datasetOptions.dataDir != null ? datasetOptions.dataDir : dataset.defaultDirectory().orElseThrow();
    }

    private Dataset dataset(DatasetName dataset, int classCount) {
        if (download) {
            CifarDownload.official(CifarBinary.parse(dataset.id())).ensure(dataDir(dataset), ConsoleProgress.of(quiet));
        }
        return dataset.load(datasetOptions.dataDir, classCount, trainSize, valSize, dataSeed);
    }
}
