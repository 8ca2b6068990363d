package org.blockbench.analysis;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.blockbench.analysis.shape.InferredShapes;
import org.blockbench.analysis.shape.TensorInfo;

/**
 * Activation memory over the topological schedule of the file ({@link Conventions#MEMORY}):
 * which values are activations, each node's output bytes, and the peak of live bytes.
 */
final class ActivationMemory {

    private final Set<String> staticValues = new HashSet<>();
    private final Long[] nodeOutputBytes;
    private final long totalBytes;
    private final long peakBytes;
    private final String peakNode;
    private final boolean complete;

    ActivationMemory(GraphProto graph, InferredShapes shapes) {
        for (TensorProto t : graph.getInitializerList()) {
            staticValues.add(t.getName());
        }
        int n = graph.getNodeCount();
        nodeOutputBytes = new Long[n];
        Map<String, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < n; i++) {
            NodeProto node = graph.getNode(i);
            boolean allStatic = true;
            for (String in : node.getInputList()) {
                if (!in.isEmpty()) {
                    allStatic &= staticValues.contains(in);
                    lastUse.put(in, i);
                }
            }
            for (String out : node.getOutputList()) {
                if (!out.isEmpty() && (allStatic || shapes.info(out).constant() != null)) {
                    staticValues.add(out);
                }
            }
        }
        for (ValueInfoProto out : graph.getOutputList()) {
            lastUse.put(out.getName(), n);
        }
        Map<String, Long> live = new LinkedHashMap<>();
        boolean known = true;
        long liveBytes = 0;
        long total = 0;
        for (ValueInfoProto in : graph.getInputList()) {
            if (!staticValues.contains(in.getName())) {
                long b = shapes.info(in.getName()).bytes();
                known &= b >= 0;
                live.put(in.getName(), Math.max(0, b));
                liveBytes = Math.addExact(liveBytes, Math.max(0, b));
                total = Math.addExact(total, Math.max(0, b));
            }
        }
        long peak = liveBytes;
        String peakAt = "";
        for (int i = 0; i < n; i++) {
            NodeProto node = graph.getNode(i);
            long produced = 0;
            boolean nodeKnown = true;
            for (String out : node.getOutputList()) {
                if (out.isEmpty() || staticValues.contains(out)) {
                    continue;
                }
                TensorInfo t = shapes.info(out);
                long b = t.bytes();
                if (b < 0) {
                    nodeKnown = false;
                    b = 0;
                }
                produced = Math.addExact(produced, b);
                live.put(out, b);
            }
            known &= nodeKnown;
            nodeOutputBytes[i] = nodeKnown ? produced : null;
            liveBytes = Math.addExact(liveBytes, produced);
            total = Math.addExact(total, produced);
            if (liveBytes > peak) {
                peak = liveBytes;
                peakAt = node.getName();
            }
            for (String in : node.getInputList()) {
                if (!in.isEmpty() && lastUse.getOrDefault(in, -1) == i && live.containsKey(in)) {
                    liveBytes -= live.remove(in);
                }
            }
            for (String out : node.getOutputList()) {
                if (!out.isEmpty() && !lastUse.containsKey(out) && live.containsKey(out)) {
                    liveBytes -= live.remove(out);
                }
            }
        }
        this.totalBytes = total;
        this.peakBytes = peak;
        this.peakNode = peakAt;
        this.complete = known;
    }

    /** True when the value is known before the graph runs (not an activation). */
    boolean isStatic(String value) {
        return staticValues.contains(value);
    }

    /** Bytes of the node's activation outputs, or null when some output's size is unknown. */
    Long nodeOutputBytes(int node) {
        return nodeOutputBytes[node];
    }

    long totalBytes() {
        return totalBytes;
    }

    long peakBytes() {
        return peakBytes;
    }

    String peakNode() {
        return peakNode;
    }

    /** False when some activation's size is unknown, so the figures are lower bounds. */
    boolean complete() {
        return complete;
    }
}
