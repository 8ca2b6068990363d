package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.blockbench.analysis.GraphAnalyzer;
import org.blockbench.export.Manifest;
import org.blockbench.export.ManifestEntry;
import org.blockbench.gwo.GwoComplexity;
import org.blockbench.gwo.UserModelGwo;

/**
 * Everything a leaderboard merges, read from the standard places; an input that is missing
 * is empty and noted, never invented.
 *
 * @param manifest  the zoo's manifest, or null
 * @param costs     static costs per model (zoo: the analysis file; users' files: analysed here, batch 1)
 * @param latencies every JMH latency result
 * @param runs      every training run
 * @param gwo       declared GWO complexity per model (zoo: manifest; files: sidecar)
 * @param paths     where the inputs were read from
 * @param notes     what was missing or skipped
 * @param fidelity     the quick protocol's measured fidelity ({@code blockbench fidelity}), or null when not measured
 * @param fidelityFile where it was looked for: {@value #FIDELITY_DIR}/{@code fidelity.json} beside the training directory
 * @param imported  accuracies other tools measured ({@code --import-accuracy}), kept apart from {@code runs}
 * @param variantEvidence where INT8 results were measured and each INT8 model's per-tensor report
 */
public record LeaderboardInputs(Manifest manifest, Map<ModelRef, CostFigures> costs, List<LatencyResult> latencies,
                                List<SeedResult> runs, Map<ModelRef, GwoComplexity> gwo, Leaderboard.Inputs paths,
                                List<String> notes, org.blockbench.train.FidelityResult fidelity, String fidelityFile,
                                List<ImportedRun> imported, VariantEvidence variantEvidence) {

    /** The fidelity command's default output directory's name, beside the training directory (analysis/fidelity). */
    public static final String FIDELITY_DIR = "fidelity";

    public LeaderboardInputs {
        costs = Map.copyOf(costs);
        latencies = List.copyOf(latencies);
        runs = List.copyOf(runs);
        gwo = Map.copyOf(gwo);
        notes = List.copyOf(notes);
        imported = List.copyOf(imported);
        variantEvidence = variantEvidence == null ? VariantEvidence.NONE : variantEvidence;
    }

    /** Inputs without a fidelity result or imported accuracy. */
    public LeaderboardInputs(Manifest manifest, Map<ModelRef, CostFigures> costs, List<LatencyResult> latencies,
            List<SeedResult> runs, Map<ModelRef, GwoComplexity> gwo, Leaderboard.Inputs paths, List<String> notes) {
        this(manifest, costs, latencies, runs, gwo, paths, notes, null, "", List.of(), VariantEvidence.NONE);
    }

    /**
     * These inputs with the accuracies read from {@code files} (BlockZoo's or gwo-benchmark's CSVs,
     * {@link AccuracyImport}); block names are checked against the zoo's and the manifest's blocks.
     */
    public LeaderboardInputs withImportedAccuracy(List<Path> files) {
        if (files.isEmpty()) {
            return this;
        }
        List<String> blocks = new ArrayList<>(org.blockbench.zoo.build.BlockRegistry.names());
        if (manifest != null) {
            manifest.models().stream().map(ManifestEntry::block).filter(b -> !blocks.contains(b)).distinct().forEach(blocks::add);
        }
        List<ImportedRun> all = new ArrayList<>(imported);
        List<String> moreNotes = new ArrayList<>(notes);
        for (Path f : files) {
            List<ImportedRun> read = AccuracyImport.read(f, blocks);
            all.addAll(read);
            moreNotes.add(f + ": " + read.size() + " accuracies imported (" + ImportedAccuracy.MARKER
                    + "; shown apart from measured ones, docs/report.md §Imported accuracy)");
        }
        return new LeaderboardInputs(manifest, costs, latencies, runs, gwo, paths, moreNotes, fidelity, fidelityFile, all, variantEvidence);
    }

    /**
     * Reads the inputs.
     *
     * @param manifestFile onnx-models/manifest.json (may be absent)
     * @param analysisFile the static analysis (may be absent)
     * @param jmhDir       directory of JMH JSON files (may be absent)
     * @param trainingDir  directory of training results (may be absent)
     */
    public static LeaderboardInputs load(Path manifestFile, Path analysisFile, Path jmhDir, Path trainingDir) {
        List<String> notes = new ArrayList<>();
        Manifest manifest = null;
        if (Files.isRegularFile(manifestFile)) {
            manifest = Manifest.read(manifestFile);
        } else {
            notes.add("no manifest: " + manifestFile + " does not exist (run `blockbench export`); zoo parameter counts"
                    + " and GWO declarations are missing");
        }
        AnalysisReader.Reading analysis = AnalysisReader.read(analysisFile);
        notes.addAll(analysis.notes());
        LatencyResults.Reading jmh = LatencyResults.readDirectory(jmhDir);
        notes.addAll(jmh.notes());
        TrainingReader.Reading training = TrainingReader.readDirectory(trainingDir);
        notes.addAll(training.notes());

        Map<ModelRef, GwoComplexity> gwo = new HashMap<>();
        if (manifest != null) {
            for (ManifestEntry e : manifest.models()) {
                if (e.gwo() != null) {
                    gwo.put(ModelRef.of(e.block(), e.position()),
                            new GwoComplexity(e.gwo().descriptiveComplexity(), e.gwo().dynamicParams()));
                }
            }
        }
        Set<ModelRef> files = new TreeSet<>();
        analysis.costs().keySet().stream().filter(ModelRef::isFile).forEach(files::add);
        jmh.results().stream().map(LatencyResult::model).filter(ModelRef::isFile).forEach(files::add);
        training.runs().stream().map(SeedResult::model).filter(ModelRef::isFile).forEach(files::add);
        Map<ModelRef, CostFigures> costs = new HashMap<>(analysis.costs());
        for (ModelRef f : files) {
            Path onnx = ((ModelRef.UserFile) f).path();
            if (Files.isRegularFile(onnx)) {
                costs.put(f, CostFigures.of(GraphAnalyzer.analyzeFile(onnx, Map.of()), "file"));
                Optional<GwoComplexity> c = UserModelGwo.complexity(onnx);
                c.ifPresentOrElse(v -> gwo.put(f, v), () -> notes.add(f.file() + ": no GWO sidecar ("
                        + org.blockbench.gwo.GwoSidecar.pathFor(onnx).getFileName() + "), so no Ω, score or tier"));
            } else {
                notes.add(f.file() + ": file not found, so it has no static costs and its GWO sidecar cannot be read");
            }
        }
        // beside the training directory: analysis/fidelity/ for analysis/training, as `blockbench fidelity` writes by default
        Path fidelityFile = (trainingDir.getParent() != null ? trainingDir.getParent() : Path.of(""))
                .resolve(FIDELITY_DIR).resolve(org.blockbench.train.FidelityResult.FILE_NAME);
        org.blockbench.train.FidelityResult fidelity = org.blockbench.train.FidelityResult.read(fidelityFile).orElse(null);
        return new LeaderboardInputs(manifest, costs, jmh.results(), training.runs(), gwo,
                new Leaderboard.Inputs(manifestFile.toString(), analysisFile.toString(), jmhDir.toString(), trainingDir.toString()),
                notes, fidelity, fidelityFile.toString(), List.of(),
                VariantEvidence.load(manifest, manifestFile, jmh.results(), notes));
    }
}
