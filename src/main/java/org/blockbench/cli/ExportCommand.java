package org.blockbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.blockbench.export.Exporter;
import org.blockbench.export.Manifest;
import org.blockbench.pack.BlockPack;
import org.blockbench.pack.BlockPackReader;
import org.blockbench.pack.RefusedPack;
import org.blockbench.pack.StageProbe;
import org.blockbench.quant.VariantOptions;
import org.blockbench.text.OneLine;
import org.blockbench.text.Progress;
import org.blockbench.zoo.build.BlockRegistry;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ScaffoldConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Option(names = "--explain", description = "With --variants int8: print each model's 5 worst quantized tensors "
            + "(SNR of float against dequantized on the calibration set; docs/quantization.md §Per-tensor report)")
    boolean explain;

    @Option(names = "--block-pack", paramLabel = "DIR",
            description = "A block pack directory (docs/own-block.md), exported at the --positions beside the zoo when"
                    + " --blocks names its block or is absent; a pack ONNX Runtime refuses, or with non-finite outputs,"
                    + " is left out in one line and the rest exported (exit 1); repeatable")
    List<Path> blockPacks = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScaffoldConfig config = new ScaffoldConfig(classes, inputSize, seed, InitMode.parse(init));
        VariantOptions variants = variantOptions.options();
        // Every pack's files are read and checked before anything is written: a bad one is exit 2.
        List<BlockPack> packs = new ArrayList<>();
        List<String> taken = new ArrayList<>(BlockRegistry.names());
        for (Path dir : blockPacks) {
            BlockPack pack = BlockPackReader.readStructure(dir, inputSize, taken);
            packs.add(pack);
            taken.add(pack.name());
        }
        List<String> packNames = packs.stream().map(BlockPack::name).toList();
        List<ModelId> zooModels = selection.models(packNames);
        // --blocks selects packs as it selects zoo blocks (the rule train and leaderboard follow).
        Set<String> chosen = selection.packModels(packNames).stream().map(ModelId::block).collect(Collectors.toSet());
        // A chosen pack that ONNX Runtime refuses, or whose outputs are not finite, is the pack's own
        // failure: it is left out in one line and the rest is exported (exit 1), as a sweep goes on past a config.
        List<BlockPack> exported = new ArrayList<>();
        List<RefusedPack> refused = new ArrayList<>();
        for (BlockPack pack : packs) {
            if (!chosen.contains(pack.name())) {
                continue;
            }
            try {
                StageProbe.check(pack, inputSize);
                exported.add(pack);
            } catch (RuntimeException e) {
                if (!RefusedPack.ownedByPack(e)) {
                    throw e;
                }
                RefusedPack r = RefusedPack.of(pack.directory(), e);
                refused.add(r);
                spec.commandLine().getErr().println("blockbench: " + r.line());
                spec.commandLine().getErr().flush();
            }
        }
        packs = exported;
        List<Position> positions = selection.positions();
        int count = zooModels.size() + packs.size() * positions.size();
        long start = System.nanoTime();
        Manifest manifest;
        Exporter exporter = new Exporter(output, config, variants).explaining(explain);
        if (quiet) {
            manifest = exporter.export(zooModels, packs, positions, id -> { });
        } else {
            try (Progress bar = Progress.start("export", count, Progress.Unit.ITEMS, System.err)) {
                manifest = exporter.export(zooModels, packs, positions, id -> {
                    bar.message(id.toString());
                    bar.step();
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("exported %d models (%d files) in %.1f s; manifest %s lists %d%n", count,
                (2 + variants.variants().size()) * count, seconds, output.resolve(Manifest.FILE_NAME), manifest.models().size());
        // ops a variant left in float32 are listed, never silently dropped (also in each file's metadata)
        exporter.variantNotes().forEach(note -> System.out.println(OneLine.of(note)));
        exporter.refusedVariants().forEach(line -> spec.commandLine().getErr().println("blockbench: " + OneLine.of(line)));
        if (!refused.isEmpty()) {
            System.out.printf("refused %d block pack(s), not exported: %s%n", refused.size(),
                    refused.stream().map(r -> r.directory().toString()).collect(Collectors.joining(", ")));
            return ExitCodes.FINDINGS;
        }
        if (!exporter.refusedVariants().isEmpty()) {
            return ExitCodes.FINDINGS; // each refused variant is named above, the rest were written
        }
        return ExitCodes.OK;
    }
}
