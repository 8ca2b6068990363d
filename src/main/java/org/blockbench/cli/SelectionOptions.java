package org.blockbench.cli;

import java.nio.file.Path;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.zoo.Form;
import org.blockbench.bench.jmh.ModelLocator;
import org.blockbench.bench.SweepSelection;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import picocli.CommandLine.Option;

/** Which models and parameter values a latency sweep covers (shared by bench and overhead). */
public final class SelectionOptions {

    @Option(names = "--models", split = ",", paramLabel = "PATH",
            description = "Models directory with manifest.json (default: ${DEFAULT-VALUE}), or .onnx files, or directories of them.",
            defaultValue = ModelLocator.DEFAULT_MODELS_DIR)
    List<Path> models;

    @Option(names = "--all", description = "Every model of the catalog (the default when no --blocks/--positions is given).")
    boolean all;

    @Option(names = "--blocks", split = ",", paramLabel = "BLOCK", description = "Blocks to include (default: all).")
    List<String> blocks = List.of();

    @Option(names = "--positions", split = ",", paramLabel = "POS", description = "Positions to include: early, mid, late, gwo-net (default: all).")
    List<String> positions = List.of();

    @Option(names = "--forms", split = ",", paramLabel = "FORM", defaultValue = "deploy",
            description = "Graph forms: train, deploy, int8, fp16 (int8 and fp16 are the variants export --variants writes; docs/quantization.md) (default: ${DEFAULT-VALUE}).")
    List<String> forms;

    @Option(names = "--batch", split = ",", paramLabel = "N", defaultValue = "1", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--providers", split = ",", paramLabel = "P", defaultValue = "cpu",
            description = "Execution providers: cpu, cuda (default: ${DEFAULT-VALUE}).")
    List<String> providers;

    @Option(names = "--threads", split = ",", paramLabel = "N", defaultValue = "1",
            description = "ONNX Runtime intra-op threads; 0 = ONNX Runtime's default (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--opt-levels", split = ",", paramLabel = "L", defaultValue = "all",
            description = "Graph optimisation levels: none, basic, extended, all (default: ${DEFAULT-VALUE}).")
    List<String> optLevels;

    /** The selection these options describe. */
    SweepSelection toSelection() {
        if (all && (!blocks.isEmpty() || !positions.isEmpty())) {
            throw new BadInputException("--all selects every model; drop it, or drop --blocks/--positions");
        }
        return new SweepSelection(blocks, positions, forms.stream().map(Form::parse).toList(), batches,
                providers.stream().map(Provider::parse).toList(), threads,
                optLevels.stream().map(OptimizationLevel::parse).toList());
    }

    /** The model sources. */
    List<Path> models() {
        return List.copyOf(models);
    }
}
