package org.blockbench.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.blockbench.BadInputException;
import org.blockbench.export.Manifest;
import org.blockbench.export.ManifestEntry;
import org.blockbench.export.ModelFile;
import org.blockbench.io.AtomicFile;
import org.blockbench.onnx.OnnxModelFile;

/**
 * Analyses every model a manifest lists (train and deploy graphs, batch 1) and saves the
 * totals beside it as {@value #FILE_NAME}, for the leaderboard. Deterministic: the same
 * manifest and files give the same bytes.
 */
public final class ZooAnalysis {

    /** File name written beside the manifest. */
    public static final String FILE_NAME = "analysis.json";
    /** Format tag of that file. */
    public static final String FORMAT = "blockbench-zoo-analysis/1";

    private ZooAnalysis() {
    }

    /**
     * What {@link #writeBeside} did.
     *
     * @param file     the file written
     * @param models   models analysed
     * @param warnings mismatches found (file changed since export, parameter count differs from the manifest)
     */
    public record Result(Path file, int models, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** Analyses the manifest's models and writes {@code analysis.json} beside it. */
    public static Result writeBeside(Path manifestJson) {
        return writeBeside(manifestJson, id -> { });
    }

    /** As {@link #writeBeside(Path)}, calling {@code progress} with each model id after it is analysed. */
    public static Result writeBeside(Path manifestJson, Consumer<String> progress) {
        Manifest manifest = Manifest.read(manifestJson);
        Path dir = manifestJson.toAbsolutePath().getParent();
        List<Object> models = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ManifestEntry e : manifest.models()) {
            GraphAnalysis train = analyse(dir, e, e.train(), warnings);
            GraphAnalysis deploy = analyse(dir, e, e.deploy(), warnings);
            if (train.params().elements() != e.trainableParams()) {
                warnings.add(e.id() + ": manifest says " + e.trainableParams() + " trainable params, the train graph has "
                        + train.params().elements());
            }
            if (train.params().bufferElements() != e.bufferElements()) {
                warnings.add(e.id() + ": manifest says " + e.bufferElements() + " buffer elements, the train graph has "
                        + train.params().bufferElements());
            }
            models.add(AnalysisJson.map("block", e.block(), "position", e.position(), "id", e.id(),
                    "train", summary(e.train().path(), train), "deploy", summary(e.deploy().path(), deploy)));
            progress.accept(e.id());
        }
        SortedMap<String, Object> root = AnalysisJson.map("format", FORMAT, "manifest_format", manifest.format(),
                "manifest_sha256", OnnxModelFile.sha256(manifestJson), "seed", manifest.seed(),
                "classes", manifest.classes(), "batch", 1,
                "conventions", AnalysisJson.map("params", Conventions.PARAMS, "macs", Conventions.MACS,
                        "flops", Conventions.FLOPS, "memory", Conventions.MEMORY, "neurobench", Conventions.NEUROBENCH),
                "warnings", warnings, "models", models);
        Path out = dir.resolve(FILE_NAME);
        AtomicFile.write(out, AnalysisJson.bytes(root));
        return new Result(out, models.size(), warnings);
    }

    private static GraphAnalysis analyse(Path dir, ManifestEntry e, ModelFile file, List<String> warnings) {
        if (file == null) {
            throw new BadInputException(e.id() + ": manifest entry lacks a train or deploy file");
        }
        Path path = dir.resolve(file.path());
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(path + ": listed in the manifest for " + e.id() + " but missing; re-run"
                    + " `blockbench export`");
        }
        GraphAnalysis a = GraphAnalyzer.analyzeFile(path, Map.of());
        if (!a.model().sha256().equals(file.sha256())) {
            warnings.add(file.path() + ": sha256 differs from the manifest (file changed since export)");
        }
        return a;
    }

    /** The totals of one graph as the leaderboard reads them. */
    static SortedMap<String, Object> summary(String path, GraphAnalysis a) {
        return AnalysisJson.map("path", path, "sha256", a.model().sha256(), "complete", a.complete(),
                "unsupported_ops", new ArrayList<>(a.unsupportedOps()), "input_shapes", new java.util.TreeMap<>(a.inputShapes()),
                "params", a.params().elements(), "param_bytes", a.params().bytes(),
                "params_per_use", a.params().perUseElements(), "buffer_elements", a.params().bufferElements(),
                "buffer_bytes", a.params().bufferBytes(), "macs", a.macs(), "flops_two_x_macs", a.flopsTwoTimesMacs(),
                "flops_all_operator", a.flopsAllOperator(), "activation_bytes_total", a.memory().activationBytesTotal(),
                "peak_live_activation_bytes", a.memory().peakLiveActivationBytes(),
                "footprint_bytes", a.neuroBench().footprintBytes(),
                "connection_sparsity", AnalysisJson.ratio(a.neuroBench().connectionSparsity()),
                "nodes", a.nodes().size());
    }
}
