package org.blockbench.bench.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.blockbench.BadInputException;

/**
 * One result object of a JMH JSON array: its exact text and its parsed tree.
 *
 * @param text the object's JSON text as found in the file
 * @param tree the parsed object
 */
public record JmhElement(String text, JsonNode tree) {

    static JmhElement of(String text, JsonNode tree, String source) {
        for (String field : new String[] {"benchmark", "mode", "primaryMetric"}) {
            if (!tree.has(field)) {
                throw new BadInputException(source + ": a result object lacks '" + field + "', so it is not JMH JSON");
            }
        }
        return new JmhElement(text, tree);
    }

    /** The benchmark's full name. */
    public String benchmark() {
        return tree.path("benchmark").asText();
    }

    /** JMH's mode short label ("sample", "avgt", "thrpt", "ss"). */
    public String mode() {
        return tree.path("mode").asText();
    }

    /** The benchmark's parameters, sorted by name. */
    public Map<String, String> params() {
        Map<String, String> params = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = tree.path("params").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        return params;
    }

    /**
     * What makes two results the same measurement: benchmark, mode and parameters. A merge
     * keeps one result per identity, and sorts by it.
     */
    public String identity() {
        return benchmark() + " " + mode() + " " + params();
    }

    /** A number from the tree, reading JMH's "NaN"/"Infinity" strings as the doubles they stand for. */
    public static double number(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return switch (node.asText()) {
            case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }
}
