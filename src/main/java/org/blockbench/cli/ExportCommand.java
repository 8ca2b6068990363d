package org.blockbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.blockbench.export.Exporter;
import org.blockbench.export.Manifest;
import org.blockbench.pack.BlockPack;
import org.blockbench.pack.BlockPackReader;
import org.blockbench.quant.VariantOptions;
import org.blockbench.text.OneLine;
import org.blockbench.zoo.BlockRegistry;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ScaffoldConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code blockbench export}: writes the zoo's train and deploy ONNX graphs and the manifest. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export block x position scaffold models (train.onnx, deploy.onnx) and the GWO baseline "
                + "networks to onnx-models/, with manifest.json.")
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    ModelSelection selection;

    @Mixin
    VariantCliOptions variantOptions;

    @Option(names = {"-o", "--output"}, defaultValue = "onnx-models", description = "Output directory (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--classes", defaultValue = "10", description = "Classes of the scaffold head: 10 or 100 (default: ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--input-size", defaultValue = "32", description = "Input height and width (default: ${DEFAULT-VALUE})")
    int inputSize;

    @Option(names = "--seed", defaultValue = "0", description = "Parameter seed; same seed, same bytes (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--init", defaultValue = "pytorch",
            description = "Initial values: pytorch (fresh-module defaults) or randomized (random BN statistics and layer scales) (default: ${DEFAULT-VALUE})")
    String init;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar")
    boolean quiet;

    @Option(names = "--block-pack", paramLabel = "DIR",
            description = "A block pack directory (docs/own-block.md), exported at the --positions beside the zoo; repeatable")
    List<Path> blockPacks = new ArrayList<>();

    @Override
    public Integer call() {
        ScaffoldConfig config = new ScaffoldConfig(classes, inputSize, seed, InitMode.parse(init));
        VariantOptions variants = variantOptions.options();
        // Every pack is read and validated before anything is written.
        List<BlockPack> packs = new ArrayList<>();
        List<String> taken = new ArrayList<>(BlockRegistry.names());
        for (Path dir : blockPacks) {
            BlockPack pack = BlockPackReader.read(dir, inputSize, taken);
            packs.add(pack);
            taken.add(pack.name());
        }
        List<ModelId> zooModels = selection.models(packs.stream().map(BlockPack::name).toList());
        List<Position> positions = selection.positions();
        int count = zooModels.size() + packs.size() * positions.size();
        long start = System.nanoTime();
        Manifest manifest;
        Exporter exporter = new Exporter(output, config, variants);
        if (quiet) {
            manifest = exporter.export(zooModels, packs, positions, id -> { });
        } else {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("export").setInitialMax(count)
                    .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
                manifest = exporter.export(zooModels, packs, positions, id -> {
                    bar.setExtraMessage(id.toString());
                    bar.step();
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("exported %d models (%d files) in %.1f s; manifest %s lists %d%n", count,
                (2 + variants.variants().size()) * count, seconds, output.resolve(Manifest.FILE_NAME), manifest.models().size());
        // ops a variant left in float32 are listed, never silently dropped (also in each file's metadata)
        exporter.variantNotes().forEach(note -> System.out.println(OneLine.of(note)));
        return ExitCodes.OK;
    }
}
