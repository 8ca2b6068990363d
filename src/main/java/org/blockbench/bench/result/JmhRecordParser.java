package org.blockbench.bench.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.blockbench.BadInputException;
import org.blockbench.stats.WeightedSamples;

/** Checks and converts one record of a JMH JSON array; every error names file, record and field. */
final class JmhRecordParser {

    private final Path file;
    private final int index;
    private String name;

    JmhRecordParser(Path file, int index, String name) {
        this.file = file;
        this.index = index;
        this.name = name;
    }

    /** The modes JMH writes into its JSON ({@code Mode.shortLabel()}; "all" is expanded before a run). */
    static final java.util.List<String> JMH_MODES = java.util.List.of("thrpt", "avgt", "sample", "ss");

    JmhRecord record(JsonNode node, String text) {
        if (!node.isObject()) {
            throw bad("", "expected a benchmark record (a JSON object), found " + kind(node));
        }
        name = text(node, "benchmark");
        String mode = text(node, "mode");
        if (!JMH_MODES.contains(mode)) {
            throw bad("mode", "expected one of JMH's modes " + JMH_MODES + ", found '" + mode + "'");
        }
        SortedMap<String, String> params = new TreeMap<>();
        JsonNode p = node.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw bad("params", "expected an object of parameter names to values, found " + kind(p));
            }
            p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode s = node.get("secondaryMetrics");
        if (s != null && !s.isObject()) {
            throw bad("secondaryMetrics", "expected an object of metric names to metrics, found " + kind(s));
        }
        JmhMetric primary = metric(node.get("primaryMetric"), "primaryMetric");
        return new JmhRecord(name, mode, params, primary, text, node, file, index);
    }

    JmhMetric metric(JsonNode m, String field) {
        if (m == null || !m.isObject()) {
            throw bad(field, "expected an object, found " + kind(m));
        }
        String unit = text(m, "scoreUnit", field);
        double score = number(m.get("score"), field + ".score", false);
        double error = number(m.get("scoreError"), field + ".scoreError", true);
        SortedMap<Double, Double> percentiles = new TreeMap<>();
        JsonNode pct = m.get("scorePercentiles");
        if (pct != null) {
            if (!pct.isObject()) {
                throw bad(field + ".scorePercentiles", "expected an object of percent to value, found " + kind(pct));
            }
            var it = pct.fields();
            while (it.hasNext()) {
                var e = it.next();
                double percent;
                try {
                    percent = Double.parseDouble(e.getKey());
                } catch (NumberFormatException x) {
                    throw bad(field + ".scorePercentiles", "expected percent keys such as \"50.0\", found \"" + e.getKey() + "\"");
                }
                percentiles.put(percent, number(e.getValue(), field + ".scorePercentiles." + e.getKey(), false));
            }
        }
        if (m.has("rawDataHistogram")) {
            return new JmhMetric(unit, score, error, percentiles, SampleKind.OPERATION_SAMPLES,
                    histogram(m.get("rawDataHistogram"), field + ".rawDataHistogram"));
        }
        if (m.has("rawData")) {
            return new JmhMetric(unit, score, error, percentiles, SampleKind.ITERATION_SCORES,
                    iterations(m.get("rawData"), field + ".rawData"));
        }
        throw bad(field, "has neither rawData nor rawDataHistogram; expected JMH JSON written with -rf json");
    }

    private List<WeightedSamples> iterations(JsonNode forks, String field) {
        nonEmptyArray(forks, field);
        List<WeightedSamples> out = new ArrayList<>();
        for (int f = 0; f < forks.size(); f++) {
            JsonNode fork = forks.get(f);
            nonEmptyArray(fork, field + "[" + f + "]");
            double[] values = new double[fork.size()];
            for (int i = 0; i < fork.size(); i++) {
                values[i] = number(fork.get(i), field + "[" + f + "][" + i + "]", false);
            }
            out.add(WeightedSamples.of(values));
        }
        return out;
    }

    private List<WeightedSamples> histogram(JsonNode forks, String field) {
        nonEmptyArray(forks, field);
        List<WeightedSamples> out = new ArrayList<>();
        for (int f = 0; f < forks.size(); f++) {
            JsonNode fork = forks.get(f);
            nonEmptyArray(fork, field + "[" + f + "]");
            List<Double> values = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                JsonNode iteration = fork.get(i);
                nonEmptyArray(iteration, field + "[" + f + "][" + i + "]");
                for (int b = 0; b < iteration.size(); b++) {
                    String at = field + "[" + f + "][" + i + "][" + b + "]";
                    JsonNode pair = iteration.get(b);
                    if (!pair.isArray() || pair.size() != 2) {
                        throw bad(at, "expected a [value, count] pair, found " + pair);
                    }
                    values.add(number(pair.get(0), at + "[0]", false));
                    JsonNode c = pair.get(1);
                    if (!c.isIntegralNumber() || !c.canConvertToLong() || c.asLong() < 1) {
                        throw bad(at + "[1]", "expected a positive integer count, found " + c);
                    }
                    counts.add(c.asLong());
                }
            }
            out.add(WeightedSamples.ofHistogram(values.stream().mapToDouble(Double::doubleValue).toArray(),
                    counts.stream().mapToLong(Long::longValue).toArray()));
        }
        return out;
    }

    /**
     * A finite, non-negative JSON number; with {@code nanAllowed}, also JMH's string "NaN"
     * (the score error of a single iteration).
     */
    private double number(JsonNode node, String field, boolean nanAllowed) {
        if (node != null && node.isNumber()) {
            double v = node.asDouble();
            if (!Double.isFinite(v) || v < 0) {
                throw bad(field, "expected a finite number >= 0, found " + node);
            }
            return v;
        }
        if (nanAllowed && node != null && node.isTextual() && node.asText().equals("NaN")) {
            return Double.NaN;
        }
        throw bad(field, "expected a finite number >= 0" + (nanAllowed ? " or \"NaN\"" : "") + ", found "
                + (node == null ? "nothing" : node.isTextual() ? "the string " + node : node.toString()));
    }

    private String text(JsonNode node, String field) {
        return text(node, field, "");
    }

    private String text(JsonNode node, String field, String parent) {
        JsonNode v = node.get(field);
        String path = parent.isEmpty() ? field : parent + "." + field;
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw bad(path, "expected a non-empty string, found " + (v == null ? "nothing" : v.toString()));
        }
        return v.asText();
    }

    private void nonEmptyArray(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw bad(field, "expected an array, found " + kind(node));
        }
        if (node.isEmpty()) {
            throw bad(field, "expected a non-empty array, found []");
        }
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    BadInputException bad(String field, String problem) {
        return new BadInputException(file + ": record " + index + (name == null ? "" : " (" + name + ")")
                + (field.isEmpty() ? "" : " field " + field) + ": " + problem);
    }
}
