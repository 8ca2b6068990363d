package org.blockbench.analysis.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An Einsum equation bound to its operand shapes: the extent of every index letter (the
 * dimensions an ellipsis stands for get the pseudo-letters {@code 0}, {@code 1}, ...), and the
 * output shape, with explicit ({@code ->}) and implicit output forms.
 */
public final class EinsumEquation {

    private final Map<Character, Long> extents;
    private final long[] outputShape;

    private EinsumEquation(Map<Character, Long> extents, long[] outputShape) {
        this.extents = extents;
        this.outputShape = outputShape;
    }

    /** Parses {@code equation} for operands of the given shapes; errors name the node. */
    public static EinsumEquation bind(ShapedNode node, String equation, List<long[]> shapes) {
        String eq = equation.replace(" ", "");
        String[] sides = eq.split("->", -1);
        String[] terms = sides[0].split(",", -1);
        if (terms.length != shapes.size() || sides.length > 2) {
            throw node.fail("equation '" + equation + "' has " + terms.length + " operand term(s), found "
                    + shapes.size() + " input(s)");
        }
        Map<Character, Long> extents = new LinkedHashMap<>();
        int ellipsisRank = 0;
        List<String> expanded = new ArrayList<>();
        for (int t = 0; t < terms.length; t++) {
            int letters = terms[t].replace("...", "").length();
            if (terms[t].contains("...")) {
                ellipsisRank = Math.max(ellipsisRank, shapes.get(t).length - letters);
            }
        }
        long[] ellipsis = new long[ellipsisRank];
        Arrays.fill(ellipsis, 1);
        for (int t = 0; t < terms.length; t++) {
            long[] shape = shapes.get(t);
            String term = terms[t];
            int letters = term.replace("...", "").length();
            int own = term.contains("...") ? shape.length - letters : 0;
            if (own < 0 || (!term.contains("...") && letters != shape.length)) {
                throw node.fail("term '" + term + "' does not match operand " + t + " of rank " + shape.length);
            }
            String full = term.replace("...", ellipsisLetters(ellipsisRank - own, ellipsisRank));
            expanded.add(full);
            for (int i = 0, dim = 0; i < full.length(); i++) {
                char c = full.charAt(i);
                boolean pseudo = Character.isDigit(c);
                if (pseudo && Character.getNumericValue(c) < ellipsisRank - own) {
                    continue;
                }
                long size = shape[dim++];
                if (pseudo) {
                    int k = Character.getNumericValue(c);
                    if (ellipsis[k] == 1) {
                        ellipsis[k] = size;
                    } else if (size != 1 && size != ellipsis[k]) {
                        throw node.fail("ellipsis dimensions of operand " + t + " do not broadcast");
                    }
                    continue;
                }
                Long prev = extents.putIfAbsent(c, size);
                if (prev != null && prev != size) {
                    throw node.fail("index '" + c + "' is " + prev + " in one operand and " + size + " in another");
                }
            }
        }
        for (int k = 0; k < ellipsisRank; k++) {
            extents.put(Character.forDigit(k, 10), ellipsis[k]);
        }
        String output;
        if (sides.length == 2) {
            output = sides[1].replace("...", ellipsisLetters(0, ellipsisRank));
        } else {
            StringBuilder s = new StringBuilder(ellipsisLetters(0, ellipsisRank));
            TreeSet<Character> once = new TreeSet<>();
            String all = String.join("", expanded);
            for (char c : all.toCharArray()) {
                if (!Character.isDigit(c) && all.indexOf(c) == all.lastIndexOf(c)) {
                    once.add(c);
                }
            }
            once.forEach(s::append);
            output = s.toString();
        }
        long[] out = new long[output.length()];
        for (int i = 0; i < out.length; i++) {
            Long size = extents.get(output.charAt(i));
            if (size == null) {
                throw node.fail("output index '" + output.charAt(i) + "' appears in no operand");
            }
            out[i] = size;
        }
        return new EinsumEquation(extents, out);
    }

    private static String ellipsisLetters(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int k = from; k < to; k++) {
            s.append(Character.forDigit(k, 10));
        }
        return s.toString();
    }

    public long[] outputShape() {
        return outputShape.clone();
    }

    /** Product of the extents of every distinct index (the ellipsis dimensions included). */
    public long indexSpaceSize() {
        long p = 1;
        for (long e : extents.values()) {
            p = Math.multiplyExact(p, e);
        }
        return p;
    }
}
