package org.blockbench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.analysis.AnalysisTable;
import org.blockbench.analysis.ZooAnalysis;
import org.blockbench.analysis.data.DataMetricsTable;
import org.blockbench.analysis.data.FileAnalysis;
import org.blockbench.io.AtomicFile;
import org.blockbench.text.OneLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code blockbench analyze}: static cost analysis of ONNX graphs (params, MACs, FLOPs,
 * memory, NeuroBench metrics), optionally with data metrics measured through ONNX Runtime.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Static cost analysis of ONNX graphs: params, MACs, FLOPs, memory, NeuroBench metrics.",
                "Each number states its convention in the JSON; see docs/analysis.md."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL.onnx", arity = "0..*", description = "ONNX model files to analyse")
    List<Path> models = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON (one object per model; several models: {\"models\": [...]})")
    boolean json;

    @Option(names = "--input-shape", paramLabel = "NAME=DIMS",
            description = "Static shape of a graph input, e.g. input=1x3x224x224 (repeatable); symbolic dims not set are taken as 1")
    List<String> inputShapes = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Also write the JSON to FILE (atomically)")
    Path out;

    @Option(names = "--nodes", description = "Table: list every node too")
    boolean nodes;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "Analyse every model of an export manifest and write analysis.json beside it")
    Path manifest;

    @Option(names = "--data", description = "Measure data metrics (activation sparsity, effective MACs) in ONNX Runtime")
    boolean data;

    @Option(names = "--samples", defaultValue = "4", description = "Generated input samples for --data (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the generated standard-normal inputs (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--strict", description = "Exit 1 when an analysis is incomplete (unsupported operators, unknown shapes)")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar")
    boolean quiet;

    @Override
    public Integer call() {
        if (manifest != null) {
            if (!models.isEmpty() || data || out != null) {
                throw new BadInputException("--manifest analyses the exported zoo; give no model files, --data or --out with it");
            }
            return analyseManifest();
        }
        if (models.isEmpty()) {
            throw new BadInputException("no model given: expected MODEL.onnx... or --manifest onnx-models/manifest.json");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        FileAnalysis.Result result = FileAnalysis.run(new FileAnalysis.Request(models, parseShapes(inputShapes), data, samples, seed),
                a -> {
                    if (!json) {
                        stdout.print(AnalysisTable.render(a.analysis(), nodes));
                        if (a.data() != null) {
                            stdout.print(DataMetricsTable.render(a.data()));
                        }
                        stdout.println();
                    }
                    if (!a.analysis().complete()) {
                        stderr.println(OneLine.of("blockbench: " + a.file() + ": analysis incomplete: "
                                + String.join("; ", a.analysis().incompleteReasons())));
                    }
                });
        byte[] bytes = result.json();
        if (json) {
            stdout.print(new String(bytes, StandardCharsets.UTF_8));
            stdout.flush();
        }
        if (out != null) {
            AtomicFile.write(out, bytes);
            if (!json) {
                stdout.println("wrote " + out);
            }
        }
        return strict && result.incomplete() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private int analyseManifest() {
        ZooAnalysis.Result r = ZooAnalysis.writeBeside(manifest, ConsoleProgress.of(quiet));
        r.warnings().forEach(w -> spec.commandLine().getErr().println(OneLine.of("blockbench: warning: " + w)));
        spec.commandLine().getOut().println("analysed " + r.models() + " models (train and deploy); wrote " + r.file());
        return strict && !r.warnings().isEmpty() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** "name=1x3x224x224" → name → dims; errors say the expected form. */
    static Map<String, long[]> parseShapes(List<String> specs) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new BadInputException("--input-shape '" + spec + "': expected NAME=DIMS such as input=1x3x224x224");
            }
            String[] parts = spec.substring(eq + 1).split("[x,]", -1);
            long[] dims = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    dims[i] = Long.parseLong(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new BadInputException("--input-shape '" + spec + "': dimension '" + parts[i]
                            + "' is not a whole number; expected NAME=DIMS such as input=1x3x224x224");
                }
            }
            if (shapes.put(spec.substring(0, eq), dims) != null) {
                throw new BadInputException("--input-shape gives '" + spec.substring(0, eq) + "' twice");
            }
        }
        return shapes;
    }
}
