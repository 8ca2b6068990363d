package org.blockbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.export.ExportRequest;
import org.blockbench.export.ExportResult;
import org.blockbench.export.Exporter;
import org.blockbench.text.OneLine;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.pipeline.Workspace;
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

    @Option(names = {"-o", "--out"}, defaultValue = Workspace.MODEL_DIR, description = "Output directory (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--output", hidden = true, paramLabel = "DIR")
    Path oldOutput;

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
        Path output = OldSpelling.pick(spec, "--output", oldOutput, "--out", this.output);
        ExportRequest request = new ExportRequest(output, new ScaffoldConfig(classes, inputSize, seed, InitMode.parse(init)),
                variantOptions.options(), explain, selection.selection(), blockPacks);
        PrintWriter err = spec.commandLine().getErr();
        ExportResult result = Exporter.run(request, pack -> {
            err.println("blockbench: " + pack.line());
            err.flush();
        }, ConsoleProgress.of(quiet));
        result.summary(output).forEach(System.out::println);
        result.refusedVariants().forEach(line -> err.println("blockbench: " + OneLine.of(line)));
        err.flush();
        return result.findings() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
