package org.blockbench.report;

import org.blockbench.model.ModelRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.blockbench.BadInputException;
import org.blockbench.io.JsonFiles;

/**
 * Where a model's time goes: ONNX Runtime's kernel time by operator type, as shares, from the
 * reports {@code blockbench overhead --breakdown} writes ({@code overhead.json},
 * {@code blockbench-overhead/1}: one profiled JMH run per config, its {@code NodeBreakdown}).
 * Only configs matching the board's latency selection are taken; when several reports cover a
 * model, the file read last in path order wins (run names carry their time stamp).
 *
 * @param model  the model
 * @param shares operator types, most time first, each with its share of kernel time (0..1)
 * @param source the report it came from
 */
public record OpTimeShares(ModelRef model, List<Share> shares, String source) {

    /** Operator types beyond this many are summed into "other". */
    static final int SHOWN = 5;

    public OpTimeShares {
        shares = List.copyOf(shares);
    }

    /** One operator type's share of kernel time. */
    public record Share(String opType, double share) {
    }

    /** The largest {@link #SHOWN} types, the rest as "other" (absent when nothing is left). */
    public List<Share> top() {
        List<Share> out = new ArrayList<>(shares.subList(0, Math.min(SHOWN, shares.size())));
        double rest = shares.stream().skip(SHOWN).mapToDouble(Share::share).sum();
        if (rest > 0) {
            out.add(new Share("other", rest));
        }
        return out;
    }

    /** Every model's shares under {@code dir} (a missing directory reads as none), with notes on what was passed over. */
    public static Map<ModelRef, OpTimeShares> readDirectory(Path dir, LatencySelection selection, List<String> notes) {
        Map<ModelRef, OpTimeShares> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> f.getFileName().toString().equals("overhead.json") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path f : files) {
            JsonNode root;
            try {
                root = JsonFiles.mapper().readTree(f.toFile());
            } catch (IOException e) {
                notes.add("skipped " + f + ": not readable JSON (" + org.blockbench.text.OneLine.firstLine(e.getMessage()) + ")");
                continue;
            }
            if (!"blockbench-overhead/1".equals(root.path("format").asText())) {
                notes.add("skipped " + f + ": format is not blockbench-overhead/1");
                continue;
            }
            for (JsonNode m : root.path("measurements")) {
                JsonNode p = m.path("params");
                if (!selection.matches(p.path("form").asText(), p.path("batch").asText(), p.path("provider").asText(),
                        p.path("intraOpThreads").asText(), p.path("optLevel").asText())) {
                    continue;
                }
                ModelRef key;
                try {
                    key = ModelRef.parse(p.path("model").asText());
                } catch (BadInputException e) {
                    notes.add("skipped a measurement of " + f + ": " + e.getMessage());
                    continue;
                }
                List<Share> shares = new ArrayList<>();
                for (JsonNode t : m.path("breakdown").path("byOpType")) {
                    double share = t.path("shareOfKernelTime").asDouble(Double.NaN);
                    if (Double.isFinite(share) && share >= 0 && share <= 1) {
                        shares.add(new Share(t.path("opType").asText(), share));
                    }
                }
                if (!shares.isEmpty()) {
                    out.put(key, new OpTimeShares(key, shares, f.toString()));
                }
            }
        }
        return out;
    }
}
