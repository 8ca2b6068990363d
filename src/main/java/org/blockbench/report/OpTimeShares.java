package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.blockbench.BadInputException;
import org.blockbench.bench.jmh.OrtBenchmarkParams;
import org.blockbench.bench.overhead.OverheadMeasurement;
import org.blockbench.bench.overhead.OverheadReport;
import org.blockbench.bench.profile.NodeBreakdown;

/**
 * Where a model's time goes: ONNX Runtime's kernel time by operator type, as shares, from the
 * reports {@code blockbench overhead --breakdown} writes ({@link OverheadReport}: one profiled
 * JMH run per config, its {@link NodeBreakdown}). Only configs matching the board's latency
 * selection are taken; when several reports cover a model, the file read last in path order wins
 * (run names carry their time stamp). A report of another format is refused (bad input).
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

    /**
     * Every model's shares under {@code dir} (a missing directory reads as none), with notes on what was passed over.
     *
     * @throws BadInputException when a report there is not of format {@value OverheadReport#FORMAT}
     */
    public static Map<ModelRef, OpTimeShares> readDirectory(Path dir, LatencySelection selection, List<String> notes) {
        Map<ModelRef, OpTimeShares> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> f.getFileName().toString().equals(OverheadReport.FILE_NAME) && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path f : files) {
            for (OverheadMeasurement m : OverheadReport.read(f).measurements()) {
                OrtBenchmarkParams p = m.params();
                if (!selection.matches(p.form(), Integer.toString(p.batch()), p.provider(), Integer.toString(p.intraOpThreads()),
                        p.optLevel())) {
                    continue;
                }
                ModelRef key;
                try {
                    key = ModelRef.parse(p.model());
                } catch (BadInputException e) {
                    notes.add("skipped a measurement of " + f + ": " + e.getMessage());
                    continue;
                }
                List<Share> shares = new ArrayList<>();
                for (NodeBreakdown.OpTypeTime t : m.breakdown() == null ? List.<NodeBreakdown.OpTypeTime>of() : m.breakdown().byOpType()) {
                    double share = t.shareOfKernelTime();
                    if (Double.isFinite(share) && share >= 0 && share <= 1) {
                        shares.add(new Share(t.opType(), share));
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
