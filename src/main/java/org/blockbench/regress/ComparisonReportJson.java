package org.blockbench.regress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.blockbench.io.JsonFiles;

/**
 * The machine-readable report, format {@value #FORMAT}. A number that is not defined (NaN,
 * an infinity) is written as {@code null}, as in every JSON file BlockBench writes
 * ({@link JsonFiles}); a missing interval is null too.
 */
public final class ComparisonReportJson implements ComparisonReportFormat {

    /** Identifies the schema; bump on incompatible change. */
    public static final String FORMAT = "blockbench-regress/1";

    private static final ObjectMapper JSON = JsonFiles.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(ComparisonReport report, OutputStream out) throws IOException {
        JSON.writeValue(out, tree(report));
    }

    /** The report as a JSON tree. */
    public static ObjectNode tree(ComparisonReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("title", r.title());
        root.put("created_at", r.createdAt().toString());
        ObjectNode tool = root.putObject("provenance");
        tool.put("tool", "blockbench " + org.blockbench.onnx.GraphBuilder.PRODUCER_VERSION);
        tool.put("java", System.getProperty("java.version"));
        tool.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        root.put("baseline", r.baseSource());
        root.put("candidate", r.newSource());
        VerdictPolicy p = r.policy();
        ObjectNode policy = root.putObject("policy");
        policy.put("alpha", p.alpha());
        policy.put("threshold", p.threshold());
        policy.put("slower_above_ratio", p.slowerAbove());
        policy.put("faster_below_ratio", p.fasterBelow());
        policy.put("confidence", p.confidence());
        policy.put("bootstrap_resamples", p.bootstrapResamples());
        policy.put("seed", p.seed());
        policy.put("max_test_samples", p.maxTestSamples());
        policy.put("test", "two-sided Mann-Whitney U, Apache Commons Math 3.6.1 (normal approximation, no tie correction)");
        policy.put("interval", "percentile bootstrap of the ratio of medians, resampling forks (samples when a side has one fork)");
        ObjectNode summary = root.putObject("summary");
        for (Verdict v : Verdict.values()) {
            summary.put(v.text(), r.count(v));
        }
        summary.put("added", r.added().size());
        summary.put("removed", r.removed().size());
        summary.put("regression", r.anySlower());
        ArrayNode list = root.putArray("comparisons");
        for (Comparison c : r.comparisons()) {
            ObjectNode o = list.addObject();
            key(o, c.key());
            o.put("verdict", c.verdict().text());
            o.put("reason", c.reason());
            o.put("unit", c.unit());
            o.put("sample_kind", c.sampleKind().name().toLowerCase(java.util.Locale.ROOT));
            o.put("base_median", c.baseMedian());
            o.put("new_median", c.newMedian());
            o.put("time_ratio", c.timeRatio());
            o.put("change_percent", 100 * c.change());
            o.put("fastest_fork_ratio", c.fastestForkRatio());
            if (c.interval() == null) {
                o.putNull("ci_low");
                o.putNull("ci_high");
                o.putNull("ci_resampled");
            } else {
                o.put("ci_low", c.interval().low());
                o.put("ci_high", c.interval().high());
                o.put("ci_resampled", c.interval().resampled());
            }
            o.put("p_value", c.pValue());
            o.put("base_samples", c.baseCount());
            o.put("new_samples", c.newCount());
            o.put("tested_base_samples", c.testedBase());
            o.put("tested_new_samples", c.testedNew());
        }
        keys(root.putArray("added"), r.added());
        keys(root.putArray("removed"), r.removed());
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    private static void keys(ArrayNode array, List<BenchmarkKey> keys) {
        keys.forEach(k -> key(array.addObject(), k));
    }

    private static void key(ObjectNode o, BenchmarkKey k) {
        o.put("benchmark", k.benchmark());
        ObjectNode params = o.putObject("params");
        k.params().forEach(params::put);
        o.put("mode", k.mode());
        o.put("label", k.label());
    }
}
