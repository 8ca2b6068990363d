package org.blockbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.zoo.Form;
import org.blockbench.pipeline.Workspace;
import org.blockbench.bench.SweepSelection;
import org.blockbench.export.Manifest;
import org.blockbench.model.ModelRef;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Which models and parameter values a latency sweep covers (shared by bench and overhead). */
public final class SelectionOptions {

    @Option(names = "--model-dir", split = ",", paramLabel = "DIR",
            description = "Directory of exported models (with manifest.json), or a directory of .onnx files (default: "
                    + Workspace.MODEL_DIR + ", unless --models names only .onnx files).")
    List<Path> modelDirs = List.of();

    @Option(names = "--models", split = ",", paramLabel = "MODEL",
            description = "Models, comma-separated: ids Block/position of the --model-dir manifest, or .onnx files (default: all of --model-dir).")
    List<String> models = List.of();

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

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
                optLevels.stream().map(OptimizationLevel::parse).toList(),
                models.stream().filter(m -> !directory(m)).map(ModelRef::parse).filter(r -> !r.isFile()).toList());
    }

    /**
     * The model sources: the --model-dir directories (the default one unless --models names only
     * files) and the .onnx files --models names. A directory in --models is the old spelling of --model-dir.
     */
    List<Path> models() {
        List<Path> dirs = new ArrayList<>(modelDirs);
        List<Path> files = new ArrayList<>();
        boolean ids = false;
        for (String m : models) {
            if (directory(m)) {
                OldSpelling.notice(spec, "--models DIR", "--model-dir DIR");
                dirs.add(Path.of(m));
            } else if (ModelRef.parse(m).isFile()) {
                files.add(Path.of(m));
            } else {
                ids = true;
            }
        }
        if (dirs.isEmpty() && (files.isEmpty() || ids)) {
            dirs.add(Path.of(Workspace.MODEL_DIR));
        }
        dirs.addAll(files);
        return List.copyOf(dirs);
    }

    /** A directory, or a manifest file: what --models named before it meant models. */
    private static boolean directory(String text) {
        Path p = Path.of(text);
        return Files.isDirectory(p) || p.getFileName() != null && p.getFileName().toString().equals(Manifest.FILE_NAME);
    }
}
