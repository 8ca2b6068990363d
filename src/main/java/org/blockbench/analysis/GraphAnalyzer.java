package org.blockbench.analysis;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.blockbench.onnx.ElementType;
import org.blockbench.analysis.shape.InferredShapes;
import org.blockbench.analysis.shape.NodeShapes;
import org.blockbench.analysis.shape.ShapedNode;
import org.blockbench.analysis.shape.ShapeInference;
import org.blockbench.analysis.shape.TensorInfo;
import org.blockbench.onnx.OnnxModelException;
import org.blockbench.onnx.OnnxModelFile;

/**
 * Static cost analysis of an ONNX graph: shape inference, then per-node parameters, MACs,
 * FLOPs and output bytes, then totals, memory schedule, NeuroBench static metrics and the
 * per-op-type summary. Stateless and thread-safe.
 */
public final class GraphAnalyzer {

    private GraphAnalyzer() {
    }

    /**
     * Reads, validates and analyses a model file; a malformed file is an {@link OnnxModelException}
     * naming it.
     *
     * @param inputShapes static shapes for graph inputs whose dims are symbolic, by input name
     */
    public static GraphAnalysis analyzeFile(Path file, Map<String, long[]> inputShapes) {
        byte[] bytes = OnnxModelFile.readBytes(file);
        ModelProto model = OnnxModelFile.parse(file, bytes);
        Path name = file.getFileName();
        ModelInfo info = info(model, name == null ? file.toString() : name.toString(), OnnxModelFile.sha256(bytes),
                bytes.length);
        try {
            return analyzeValidated(model, info, inputShapes);
        } catch (OnnxModelException e) {
            throw new OnnxModelException(file + ": " + e.getMessage(), e);
        }
    }

    /** Analyses a model held in memory, labelled {@code label} in the result. */
    public static GraphAnalysis analyze(ModelProto model, String label, Map<String, long[]> inputShapes) {
        return analyze(model, info(model, label, "", 0), inputShapes);
    }

    static ModelInfo info(ModelProto model, String file, String sha256, long bytes) {
        String producer = (model.getProducerName() + " " + model.getProducerVersion()).trim();
        int opset = 0;
        for (var o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                opset = (int) o.getVersion();
            }
        }
        return new ModelInfo(file, sha256, bytes, model.getGraph().getName(), producer, opset, model.getIrVersion());
    }

    /**
     * Analyses a model whose identity the caller has established, validating it first
     * ({@link OnnxModelFile#validate}): a model handed over in memory is no more trusted than a file.
     */
    public static GraphAnalysis analyze(ModelProto model, ModelInfo info, Map<String, long[]> inputShapes) {
        OnnxModelFile.validate(info.file(), model);
        return analyzeValidated(model, info, inputShapes);
    }

    private static GraphAnalysis analyzeValidated(ModelProto model, ModelInfo info, Map<String, long[]> inputShapes) {
        try {
            return compute(model, info, inputShapes);
        } catch (ArithmeticException e) {
            // per-node sizes are checked where they arise; this catches sums over the whole graph
            throw new OnnxModelException("graph totals overflow 64 bits (" + e.getMessage() + ")", e);
        }
    }

    private static GraphAnalysis compute(ModelProto model, ModelInfo info, Map<String, long[]> inputShapes) {
        GraphProto graph = model.getGraph();
        InferredShapes shapes = ShapeInference.infer(model, inputShapes);
        ParameterInventory inventory = new ParameterInventory(graph);
        ActivationMemory memory = new ActivationMemory(graph, shapes);
        List<NodeCost> nodes = new ArrayList<>(graph.getNodeCount());
        SortedSet<String> unsupported = new TreeSet<>(shapes.unsupportedOps());
        int unknownNodes = 0;
        long macs = 0;
        long integerMacs = 0;
        long flops = 0;
        java.util.Set<String> dequantized = new java.util.HashSet<>();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            NodeCost cost = nodeCost(i, node, shapes, inventory, memory, unsupported);
            nodes.add(cost);
            if (node.getOpType().equals("DequantizeLinear") && node.getOutputCount() == 1) {
                dequantized.add(node.getOutput(0));
            }
            if (cost.known()) {
                macs = Math.addExact(macs, cost.macs());
                if (integer(node, dequantized)) {
                    integerMacs = Math.addExact(integerMacs, cost.macs());
                }
                flops = Math.addExact(flops, cost.flopsAllOperator());
            } else {
                unknownNodes++;
            }
        }
        List<String> reasons = new ArrayList<>();
        if (!unsupported.isEmpty()) {
            reasons.add("unsupported operators " + unsupported + " are not counted");
        }
        long unknownShapes = nodes.stream().filter(n -> !n.known() && !n.status().equals("unsupported")).count();
        if (unknownShapes > 0) {
            reasons.add(unknownShapes + " node(s) have output shapes that are not known from the graph, so their"
                    + " costs are not counted");
        }
        if (!memory.complete() && unknownNodes == 0) {
            reasons.add("some activation sizes are unknown; memory figures are lower bounds");
        }
        ParameterTotals params = inventory.totals();
        MemoryTotals mem = new MemoryTotals(params.bytes(), params.bufferBytes(), memory.totalBytes(),
                memory.peakBytes(), memory.peakNode());
        return new GraphAnalysis(info, shapes.inputShapes(), shapes.assumedDims(), reasons.isEmpty(), reasons,
                unsupported, shapes.warnings(), params, macs, flops, mem, inventory.neuroBench(),
                summarise(nodes, macs, flops), nodes, integerMacs);
    }

    private static NodeCost nodeCost(int index, NodeProto node, InferredShapes shapes, ParameterInventory inventory,
                                     ActivationMemory memory, SortedSet<String> unsupported) {
        List<TensorInfo> inputs = new ArrayList<>();
        for (String in : node.getInputList()) {
            inputs.add(in.isEmpty() ? null : shapes.info(in));
        }
        List<TensorInfo> outs = new ArrayList<>();
        List<NodeCost.Output> outputs = new ArrayList<>();
        for (String out : node.getOutputList()) {
            if (out.isEmpty()) {
                continue;
            }
            TensorInfo t = shapes.info(out);
            outs.add(t);
            outputs.add(new NodeCost.Output(out, ElementType.name(t.elementType()), t.shape(), memory.isStatic(out)));
        }
        NodeShapes status = shapes.nodes().get(index);
        String opType = node.getDomain().isEmpty() || node.getDomain().equals("ai.onnx") ? node.getOpType()
                : node.getDomain() + ":" + node.getOpType();
        long params = inventory.nodeParamElements(index);
        long buffers = inventory.nodeBufferElements(index);
        if (status.status() != NodeShapes.Status.INFERRED) {
            String label = switch (status.status()) {
                case UNSUPPORTED -> "unsupported";
                case UNKNOWN_INPUT -> "unknown_input_shape";
                default -> "data_dependent_shape";
            };
            return new NodeCost(index, node.getName(), opType, label, status.reason(), outputs, params, buffers,
                    null, null, memory.nodeOutputBytes(index));
        }
        OpCosts.Cost cost;
        try {
            cost = OpCosts.of(new ShapedNode(node, inputs, shapes.opset()), outs);
        } catch (ArithmeticException e) {
            throw new OnnxModelException(new org.blockbench.onnx.NodeView(node).describe() + ": cost overflows 64 bits", e);
        } catch (IndexOutOfBoundsException e) {
            throw new OnnxModelException(new org.blockbench.onnx.NodeView(node).describe()
                    + ": input shapes do not fit the operator (" + e.getMessage() + ")", e);
        }
        if (cost == null) {
            unsupported.add(opType);
            return new NodeCost(index, node.getName(), opType, "unsupported", "no cost rule for " + opType, outputs,
                    params, buffers, null, null, memory.nodeOutputBytes(index));
        }
        return new NodeCost(index, node.getName(), opType, "ok", "", outputs, params, buffers, cost.macs(),
                cost.flops(), memory.nodeOutputBytes(index));
    }

    /** {@link Conventions#INTEGER_MACS}: an integer kernel, or a float one between DequantizeLinears (QDQ). */
    private static boolean integer(NodeProto node, java.util.Set<String> dequantized) {
        return switch (node.getOpType()) {
            case "QLinearConv", "ConvInteger", "QLinearMatMul", "MatMulInteger" -> true;
            case "Conv", "Gemm", "MatMul" -> node.getInputCount() >= 2 && dequantized.contains(node.getInput(0))
                    && dequantized.contains(node.getInput(1));
            default -> false;
        };
    }

    private static List<OpTypeSummary> summarise(List<NodeCost> nodes, long macs, long flops) {
        TreeMap<String, long[]> acc = new TreeMap<>();
        for (NodeCost n : nodes) {
            long[] a = acc.computeIfAbsent(n.opType(), k -> new long[4]);
            a[0]++;
            if (n.known()) {
                a[1] += n.macs();
                a[2] += n.flopsAllOperator();
            }
            a[3] += n.paramElements();
        }
        List<OpTypeSummary> out = new ArrayList<>();
        acc.forEach((op, a) -> out.add(new OpTypeSummary(op, (int) a[0], a[1], macs == 0 ? 0 : (double) a[1] / macs,
                a[2], flops == 0 ? 0 : (double) a[2] / flops, a[3])));
        return out;
    }
}
