package org.blockbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.BadInputException;

/** Turns one element of a JMH JSON array into a {@link LatencyResult}, in milliseconds. */
final class JmhElements {

    private JmhElements() {
    }

    /** The latency result of {@code e}, or null when it is not an ORT latency result. */
    static LatencyResult latency(JsonNode e, Path source) {
        JsonNode params = e.path("params");
        String mode = e.path("mode").asText("");
        JsonNode primary = e.path("primaryMetric");
        if (!params.has("model") || mode.equals("thrpt") || primary.isMissingNode()) {
            return null;
        }
        double toMs = msPerUnit(primary.path("scoreUnit").asText(""), source);
        ModelKey key;
        try {
            key = ModelKey.parse(params.path("model").asText());
        } catch (BadInputException ex) {
            throw new BadInputException(source + ": " + ex.getMessage());
        }
        String threads = params.has("intraOpThreads") ? params.path("intraOpThreads").asText() : params.path("threads").asText("-1");
        List<Double> forkMeans = new ArrayList<>();
        List<Double> callTimes = new ArrayList<>();
        List<Long> callCounts = new ArrayList<>();
        long samples = 0;
        if (primary.has("rawDataHistogram")) {
            for (JsonNode fork : primary.get("rawDataHistogram")) {
                double sum = 0;
                long count = 0;
                for (JsonNode iteration : fork) {
                    for (JsonNode bin : iteration) {
                        double v = number(bin.get(0)) * toMs;
                        long c = bin.get(1).asLong();
                        sum += v * c;
                        count += c;
                        callTimes.add(v);
                        callCounts.add(c);
                    }
                }
                if (count > 0) {
                    forkMeans.add(sum / count);
                    samples += count;
                }
            }
        } else {
            for (JsonNode fork : primary.path("rawData")) {
                double sum = 0;
                int n = 0;
                for (JsonNode it : fork) {
                    double v = number(it);
                    if (!Double.isNaN(v)) {
                        sum += v * toMs;
                        n++;
                    }
                }
                if (n > 0) {
                    forkMeans.add(sum / n);
                    samples += n;
                }
            }
        }
        JsonNode pct = primary.path("scorePercentiles");
        boolean sample = mode.equals("sample");
        return new LatencyResult(key, params.path("form").asText("deploy"), params.path("batch").asInt(1),
                params.path("provider").asText("cpu"), Integer.parseInt(threads.strip()), params.path("optLevel").asText(""),
                mode, number(primary.path("score")) * toMs, number(primary.path("scoreError")) * toMs,
                MeanStd.of(forkMeans), sample ? weightedStd(callTimes, callCounts) : Double.NaN,
                sample ? number(pct.path("50.0")) * toMs : Double.NaN, sample ? number(pct.path("90.0")) * toMs : Double.NaN,
                sample ? number(pct.path("99.0")) * toMs : Double.NaN, sample ? number(pct.path("99.9")) * toMs : Double.NaN,
                samples, source);
    }

    /** Milliseconds per unit of a JMH time-per-op unit ("ms/op", "us/op", ...). */
    static double msPerUnit(String unit, Path source) {
        return switch (unit) {
            case "s/op" -> 1000.0;
            case "ms/op" -> 1.0;
            case "us/op" -> 1e-3;
            case "ns/op" -> 1e-6;
            default -> throw new BadInputException(source + ": JMH score unit '" + unit
                    + "' is not a time per operation; expected one of [s/op, ms/op, us/op, ns/op]");
        };
    }

    /** A JMH number: JSON numbers, and "NaN"/"Infinity" written as strings. */
    static double number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        return switch (n.asText()) {
            case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    private static double weightedStd(List<Double> values, List<Long> counts) {
        long n = 0;
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            n += counts.get(i);
            sum += values.get(i) * counts.get(i);
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < values.size(); i++) {
            double d = values.get(i) - mean;
            ss += d * d * counts.get(i);
        }
        return Math.sqrt(ss / (n - 1));
    }
}
