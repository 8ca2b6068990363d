package org.blockbench.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Structured mutations of a JMH JSON result file: scores made negative, null, non-numeric or
 * absurd, raw samples made negative, fields removed, trailing garbage, benchmark names and
 * params holding newlines or spreadsheet formulas. A mutation that makes the file invalid for
 * any reader says so ({@link Mutated#invalid}): a strict reader must refuse such a file.
 */
final class JmhJsonMutator {

    /** The mutated text; {@code invalid} names why no reader may accept it, or is null. */
    record Mutated(byte[] bytes, String invalid) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] HOSTILE_NAMES = {"=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)", "-1+2", "line\nbreak",
        "quote\"comma,"};

    private JmhJsonMutator() {
    }

    static Mutated mutate(byte[] original, SplittableRandom r, List<String> log) {
        ArrayNode root;
        try {
            root = (ArrayNode) JSON.readTree(original);
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalStateException("seed JMH file is not a JSON array", e);
        }
        // why the file is invalid, per (record, field): a later mutation of the same field replaces the reason
        java.util.Map<String, String> invalid = new java.util.TreeMap<>();
        int rounds = 1 + r.nextInt(2);
        boolean garbage = false;
        for (int i = 0; i < rounds; i++) {
            int at = r.nextInt(root.size());
            ObjectNode b = (ObjectNode) root.get(at);
            ObjectNode pm = b.get("primaryMetric") instanceof ObjectNode o ? o : null;
            String bench = b.path("benchmark").asText();
            switch (r.nextInt(11)) {
                case 0 -> {
                    if (pm != null) {
                        double v = -Math.abs(pm.path("score").asDouble(1.0)) - 1;
                        pm.put("score", v);
                        invalid.put(at + " score", "negative score");
                        log.add("json: " + bench + " score = " + v);
                    }
                }
                case 1 -> {
                    if (pm != null) {
                        pm.putNull("score");
                        invalid.put(at + " score", "null score");
                        log.add("json: " + bench + " score = null");
                    }
                }
                case 2 -> {
                    if (pm != null && pm.get("rawData") instanceof ArrayNode forks && forks.size() > 0
                            && forks.get(0) instanceof ArrayNode fork && fork.size() > 0) {
                        fork.set(0, JSON.getNodeFactory().numberNode(-5.0));
                        invalid.put(at + " samples", "negative raw sample");
                        log.add("json: " + bench + " rawData[0][0] = -5.0");
                    } else if (pm != null && pm.get("rawDataHistogram") instanceof ArrayNode h && h.size() > 0
                            && h.get(0) instanceof ArrayNode it && it.size() > 0 && it.get(0) instanceof ArrayNode pair
                            && pair.size() > 0 && pair.get(0) instanceof ArrayNode bin && bin.size() > 0) {
                        bin.set(0, JSON.getNodeFactory().numberNode(-5.0));
                        invalid.put(at + " samples", "negative histogram value");
                        log.add("json: " + bench + " rawDataHistogram value = -5.0");
                    }
                }
                case 3 -> {
                    if (pm != null) {
                        pm.put("score", "fast");
                        invalid.put(at + " score", "non-numeric score");
                        log.add("json: " + bench + " score = \"fast\"");
                    }
                }
                case 4 -> {
                    b.remove("primaryMetric");
                    invalid.put(at + " primaryMetric", "missing primaryMetric");
                    log.add("json: " + bench + " primaryMetric removed");
                }
                case 5 -> {
                    garbage = true;
                    invalid.put("end", "trailing garbage");
                    log.add("json: trailing garbage after the array");
                }
                case 6 -> {
                    b.put("mode", "warp");
                    invalid.put(at + " mode", "unknown mode");
                    log.add("json: " + bench + " mode = \"warp\"");
                }
                case 7 -> {
                    if (pm != null) {
                        pm.put("scoreUnit", "parsecs/op");
                        invalid.put(at + " unit", "unknown score unit");
                        log.add("json: " + bench + " scoreUnit = \"parsecs/op\"");
                    }
                }
                case 8 -> {
                    String name = HOSTILE_NAMES[r.nextInt(HOSTILE_NAMES.length)];
                    if (b.get("params") instanceof ObjectNode p && p.size() > 0) {
                        String key = p.fieldNames().next();
                        p.put(key, name);
                        log.add("json: " + bench + " param " + key + " = " + GraphMutator.quoted(name));
                    } else {
                        b.put("benchmark", name);
                        log.add("json: benchmark name = " + GraphMutator.quoted(name));
                    }
                }
                case 9 -> {
                    if (pm != null) {
                        double v = new double[] {1e308, Double.MIN_VALUE, 0.0, 1e-300}[r.nextInt(4)];
                        pm.put("score", v);
                        invalid.remove(at + " score"); // a valid, if odd, number replaces an invalid one
                        log.add("json: " + bench + " score = " + v);
                    }
                }
                default -> {
                    b.put("forks", -1);
                    b.put("measurementIterations", r.nextBoolean() ? 0 : Integer.MAX_VALUE);
                    log.add("json: " + bench + " forks -1, measurementIterations absurd");
                }
            }
        }
        try {
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            if (garbage) {
                text += "\n]} trailing";
            }
            return new Mutated(text.getBytes(StandardCharsets.UTF_8),
                    invalid.isEmpty() ? null : String.join(", ", new java.util.LinkedHashSet<>(invalid.values())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
