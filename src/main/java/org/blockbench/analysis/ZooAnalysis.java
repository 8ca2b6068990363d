package org.blockbench.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.blockbench.BadInputException;
import org.blockbench.export.Manifest;
import org.blockbench.export.ManifestEntry;
import org.blockbench.export.ModelFile;
import org.blockbench.io.AtomicFile;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.text.Progress;

/**
 * Analyses every model a manifest lists (train and deploy graphs and any INT8/FP16 variants,
 * batch 1) and saves the totals beside it as {@value #FILE_NAME}, for the leaderboard. Deterministic: the same
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
        return writeBeside(manifestJson, Progress.Factory.NONE);
    }

    /** As {@link #writeBeside(Path)}, showing to {@code progress} each model as it is analysed. */
    public static Result writeBeside(Path manifestJson, Progress.Factory progress) {
        Manifest manifest = Manifest.read(manifestJson);
        try (Progress bar = progress.start("analyze", manifest.models().size(), Progress.Unit.ITEMS)) {
            return write(manifestJson, manifest, bar);
        }
    }

    private static Result write(Path manifestJson, Manifest manifest, Progress bar) {
        Path dir = manifestJson.toAbsolutePath().getParent();
        List<ZooAnalysisFile.Entry> models = new ArrayList<>();
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
            java.util.SortedMap<String, ZooAnalysisFile.GraphTotals> variants = new java.util.TreeMap<>();
            for (org.blockbench.export.VariantFile v : e.variants()) {
                variants.put(v.variant(), ZooAnalysisFile.GraphTotals.of(v.file().path(), analyse(dir, e, v.file(), warnings)));
            }
            models.add(new ZooAnalysisFile.Entry(e.block(), e.position(), e.id(),
                    ZooAnalysisFile.GraphTotals.of(e.train().path(), train),
                    ZooAnalysisFile.GraphTotals.of(e.deploy().path(), deploy), variants));
            bar.message(e.id());
            bar.step();
        }
        SortedMap<String, String> conventions = new java.util.TreeMap<>(Map.of("params", Conventions.PARAMS,
                "macs", Conventions.MACS, "flops", Conventions.FLOPS, "memory", Conventions.MEMORY,
                "neurobench", Conventions.NEUROBENCH));
        ZooAnalysisFile file = new ZooAnalysisFile(FORMAT, manifest.format(), OnnxModelFile.sha256(manifestJson),
                manifest.seed(), manifest.classes(), 1, conventions, List.copyOf(warnings), List.copyOf(models));
        Path out = dir.resolve(FILE_NAME);
        AtomicFile.write(out, file.bytes());
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
}
