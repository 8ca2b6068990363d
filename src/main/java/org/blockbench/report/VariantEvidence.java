package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.blockbench.BadInputException;
import org.blockbench.bench.result.ResultsMetadata;
import org.blockbench.bench.result.RunEnvironment;
import org.blockbench.export.Manifest;
import org.blockbench.export.ManifestEntry;
import org.blockbench.export.VariantFile;
import org.blockbench.quant.TensorErrorFile;

/**
 * What the leaderboard reads about INT8 variants beyond their figures (docs/quantization.md
 * §Board): the CPU each variant result was measured on, from the metadata sidecar of the sweep
 * that wrote it ({@link ResultsMetadata}: the result file's own, else its run directory's), and
 * each model's per-tensor report ({@link TensorErrorFile}) beside its {@code deploy.int8.onnx}.
 * A missing or unreadable file leaves that part out, with a note.
 *
 * @param measuredOn    JMH result file → the CPU line of its sweep ({@link RunEnvironment#vectorIsa})
 * @param tensorReports model → its per-tensor report file and content
 */
public record VariantEvidence(Map<Path, String> measuredOn, Map<ModelRef, Report> tensorReports) {

    /** Nothing known. */
    public static final VariantEvidence NONE = new VariantEvidence(Map.of(), Map.of());

    /** A names-only path part: a block or position that would make an odd link is not linked. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.-]+");

    public VariantEvidence {
        measuredOn = Map.copyOf(measuredOn);
        tensorReports = Map.copyOf(tensorReports);
    }

    /**
     * One model's per-tensor report.
     *
     * @param file    where it was read
     * @param content what it says
     */
    public record Report(Path file, TensorErrorFile content) {
    }

    /** Reads the evidence of {@code latencies}' variant results and of {@code manifest}'s INT8 variants. */
    static VariantEvidence load(Manifest manifest, Path manifestFile, List<LatencyResult> latencies, List<String> notes) {
        Map<Path, String> measured = new HashMap<>();
        Map<Path, Optional<String>> cache = new HashMap<>();
        for (LatencyResult r : latencies) {
            if (!r.form().equals("int8") || r.source() == null) {
                continue;
            }
            cache.computeIfAbsent(r.source(), s -> measuredOn(s, notes)).ifPresent(isa -> measured.put(r.source(), isa));
        }
        Map<ModelRef, Report> reports = new HashMap<>();
        if (manifest != null) {
            Path dir = manifestFile.toAbsolutePath().getParent();
            for (ManifestEntry e : manifest.models()) {
                Optional<VariantFile> int8 = e.variant("int8");
                if (int8.isEmpty() || !PLAIN.matcher(e.block()).matches() || !PLAIN.matcher(e.position()).matches()) {
                    continue;
                }
                Path file = TensorErrorFile.beside(dir.resolve(int8.get().file().path()));
                if (!Files.exists(file)) {
                    continue; // exported before the report was written: no worst tensor for this model
                }
                try {
                    TensorErrorFile content = TensorErrorFile.read(file);
                    if (!content.variantSha256().equals(int8.get().file().sha256())) {
                        notes.add(file + " explains another INT8 file than the manifest lists (SHA-256 differs); its worst"
                                + " tensor is not shown");
                        continue;
                    }
                    reports.put(ModelRef.of(e.block(), e.position()), new Report(file, content));
                } catch (BadInputException ex) {
                    notes.add(ex.getMessage() + "; its worst tensor is not shown");
                }
            }
        }
        return new VariantEvidence(measured, reports);
    }

    /**
     * The CPU line recorded for the sweep that wrote {@code source}: its own sidecar's environment,
     * or (a config's file under {@code configs/}) the sidecars in its run directory; a merge's
     * sidecar gives its inputs' environments, one line when they agree, "mixed: a | b" when not.
     */
    static Optional<String> measuredOn(Path source, List<String> notes) {
        List<Path> candidates = new ArrayList<>();
        Path parent = source.toAbsolutePath().getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("configs")
                && parent.getParent() != null) {
            // a config's own sidecar is its ConfigMeta, which records no environment: the run's say where it ran
            try (var list = Files.list(parent.getParent())) {
                list.filter(p -> ResultsMetadata.isSidecarName(p) && Files.isRegularFile(p)).sorted().forEach(candidates::add);
            } catch (java.io.IOException e) {
                notes.add("cannot list " + parent.getParent() + " (" + e.getMessage() + "); where its INT8 results were"
                        + " measured is not shown");
            }
        } else {
            candidates.add(ResultsMetadata.sidecarOf(source));
        }
        for (Path c : candidates) {
            if (!Files.isRegularFile(c)) {
                continue;
            }
            ResultsMetadata m;
            try {
                m = ResultsMetadata.read(c);
            } catch (BadInputException e) {
                notes.add(e.getMessage() + "; where its INT8 results were measured is not shown");
                continue;
            }
            TreeSet<String> isas = new TreeSet<>();
            if (m.environment() != null && m.environment().vectorIsa() != null) {
                isas.add(m.environment().vectorIsa());
            }
            if (m.sources() != null) {
                m.sources().stream().map(ResultsMetadata.Source::metadata)
                        .filter(s -> s != null && s.environment() != null && s.environment().vectorIsa() != null)
                        .forEach(s -> isas.add(s.environment().vectorIsa()));
            }
            if (!isas.isEmpty()) {
                return Optional.of(isas.size() == 1 ? isas.first() : Int8Provenance.MIXED + String.join(" | ", isas));
            }
        }
        return Optional.empty();
    }
}
