package org.blockbench.regress;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.blockbench.BadInputException;

/** Turns one JMH JSON benchmark record into a {@link BenchmarkRun}; every error names file, record and field. */
final class RecordParser {

    private final Path file;
    private final String source;
    private final int index;
    private final JsonNode record;
    private final Metric metric;
    private String name = "?";

    RecordParser(Path file, String source, int index, JsonNode record, Metric metric) {
        this.file = file;
        this.source = source;
        this.index = index;
        this.record = record;
        this.metric = metric;
    }

    /** True when the record has the chosen metric (always for the primary one). */
    boolean hasMetric() {
        if (metric.primary()) {
            return true;
        }
        JsonNode all = record.get("secondaryMetrics");
        return all != null && all.has(metric.secondaryName());
    }

    BenchmarkRun parse() {
        if (!record.isObject()) {
            throw bad("", "expected a benchmark record (a JSON object), found " + kind(record));
        }
        name = text(record, "benchmark");
        String mode = text(record, "mode");
        Map<String, String> params = new TreeMap<>();
        JsonNode p = record.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw bad("params", "expected an object of parameter names to values, found " + kind(p));
            }
            p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        String field = metric.primary() ? "primaryMetric" : "secondaryMetrics." + metric.secondaryName();
        JsonNode m = metric.primary() ? record.get("primaryMetric") : secondary();
        if (m == null || !m.isObject()) {
            throw bad(field, "missing or not an object");
        }
        ScoreUnit unit = unit(m, field);
        BenchmarkKey key = BenchmarkKey.of(metric.primary() ? name : name + ":" + metric.secondaryName(), params, mode);
        if (m.has("rawDataHistogram")) {
            return histogram(key, unit, m.get("rawDataHistogram"), field + ".rawDataHistogram");
        }
        if (m.has("rawData")) {
            return iterations(key, unit, m.get("rawData"), field + ".rawData");
        }
        throw bad(field, "has neither rawData nor rawDataHistogram; expected JMH JSON written with -rf json");
    }

    private JsonNode secondary() {
        JsonNode all = record.get("secondaryMetrics");
        JsonNode m = all == null ? null : all.get(metric.secondaryName());
        if (m == null) {
            java.util.List<String> names = new ArrayList<>();
            if (all != null) {
                all.fieldNames().forEachRemaining(names::add);
            }
            throw bad("secondaryMetrics", "no metric '" + metric.secondaryName() + "', expected one of " + names);
        }
        return m;
    }

    private ScoreUnit unit(JsonNode m, String field) {
        String text = text(m, "scoreUnit");
        if (text.equals("#") && metric.unitForCounts() != null) {
            return metric.unitForCounts();
        }
        try {
            return ScoreUnit.parse(text);
        } catch (BadInputException e) {
            throw bad(field + ".scoreUnit", e.getMessage() + (text.equals("#")
                    ? "; a counter metric needs its unit given, as NAME:UNIT (e.g. cpuNanosPerOp:ns/op)" : ""));
        }
    }

    private BenchmarkRun iterations(BenchmarkKey key, ScoreUnit unit, JsonNode forks, String field) {
        requireArray(forks, field);
        List<WeightedSamples> perFork = new ArrayList<>();
        long dropped = 0;
        for (int f = 0; f < forks.size(); f++) {
            JsonNode fork = forks.get(f);
            requireArray(fork, field + "[" + f + "]");
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                double v = number(fork.get(i), field + "[" + f + "][" + i + "]");
                if (Double.isFinite(v)) {
                    values.add(v);
                } else {
                    dropped++;
                }
            }
            perFork.add(WeightedSamples.of(values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return BenchmarkRun.of(key, unit, SampleKind.ITERATION_SCORES, perFork, dropped, List.of(source));
    }

    private BenchmarkRun histogram(BenchmarkKey key, ScoreUnit unit, JsonNode forks, String field) {
        requireArray(forks, field);
        List<WeightedSamples> perFork = new ArrayList<>();
        long dropped = 0;
        for (int f = 0; f < forks.size(); f++) {
            JsonNode fork = forks.get(f);
            requireArray(fork, field + "[" + f + "]");
            List<Double> values = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                JsonNode iteration = fork.get(i);
                requireArray(iteration, field + "[" + f + "][" + i + "]");
                for (int b = 0; b < iteration.size(); b++) {
                    String at = field + "[" + f + "][" + i + "][" + b + "]";
                    JsonNode pair = iteration.get(b);
                    if (!pair.isArray() || pair.size() != 2) {
                        throw bad(at, "expected a [value, count] pair, found " + pair);
                    }
                    double v = number(pair.get(0), at + "[0]");
                    JsonNode c = pair.get(1);
                    if (!c.canConvertToLong() || !c.isIntegralNumber() || c.asLong() < 0) {
                        throw bad(at + "[1]", "expected a non-negative integer count, found " + c);
                    }
                    if (Double.isFinite(v)) {
                        values.add(v);
                        counts.add(c.asLong());
                    } else {
                        dropped += c.asLong();
                    }
                }
            }
            perFork.add(WeightedSamples.ofHistogram(values.stream().mapToDouble(Double::doubleValue).toArray(),
                    counts.stream().mapToLong(Long::longValue).toArray()));
        }
        return BenchmarkRun.of(key, unit, SampleKind.OPERATION_SAMPLES, perFork, dropped, List.of(source));
    }

    /** A JSON number, or one of JMH's strings "NaN", "Infinity", "-Infinity". */
    private double number(JsonNode node, String field) {
        if (node != null && node.isNumber()) {
            return node.asDouble();
        }
        if (node != null && node.isTextual()) {
            switch (node.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                case "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw bad(field, "expected a number or one of \"NaN\", \"Infinity\", \"-Infinity\", found " + node);
    }

    private String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw bad(field, "missing or not a non-empty string");
        }
        return v.asText();
    }

    private void requireArray(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw bad(field, "expected an array, found " + kind(node));
        }
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private BadInputException bad(String field, String problem) {
        return new BadInputException(file + ": record " + index + " (" + name + ")"
                + (field.isEmpty() ? "" : " field " + field) + ": " + problem);
    }
}
