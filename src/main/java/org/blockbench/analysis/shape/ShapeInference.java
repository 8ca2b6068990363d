package org.blockbench.analysis.shape;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.blockbench.BadInputException;
import org.blockbench.onnx.ConstantValue;
import org.blockbench.onnx.ElementType;
import org.blockbench.onnx.NodeView;
import org.blockbench.onnx.OnnxModelException;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.onnx.TensorProtos;

/**
 * Infers element types and static shapes of every value of a graph, node by node in the
 * order of the file (which {@link org.blockbench.onnx.OnnxModelFile#read} has checked is
 * topological), folding constant sub-graphs on the way. Symbolic input dimensions take the
 * values the caller gives, or 1 (recorded as an assumption).
 */
public final class ShapeInference {

    /** The reduction operators (ReduceMean and its family), whose input 1 (opset 18) is the axes. */
    public static final java.util.List<String> REDUCTION_OPS = java.util.List.of("ReduceMean", "ReduceSum",
            "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceSumSquare", "ReduceLogSum",
            "ReduceLogSumExp");

    /** Float initializers up to this size are decoded for folding (Resize scales, Clip bounds, Pow exponents). */
    private static final long MAX_DECODED_FLOAT_INITIALIZER = 1024;

    private ShapeInference() {
    }

    /** Default-domain operator types with a rule. */
    public static SortedSet<String> supportedOps() {
        return ShapeRules.supported();
    }

    /**
     * @param model       a validated model
     * @param inputShapes full static shapes for some graph inputs, by name; an unknown name or a
     *                    shape that contradicts the declared one is a {@link BadInputException}
     */
    public static InferredShapes infer(ModelProto model, Map<String, long[]> inputShapes) {
        GraphProto graph = model.getGraph();
        int opset = defaultOpset(model);
        Map<String, TensorInfo> values = new HashMap<>();
        for (TensorProto t : graph.getInitializerList()) {
            // integer initializers (shapes, indices) are folded; floats only when small (scales, bounds), since
            // decoding weights would cost time and memory for nothing
            long limit = ElementType.isFloating(t.getDataType()) ? MAX_DECODED_FLOAT_INITIALIZER
                    : TensorInfo.MAX_FOLDED_ELEMENTS;
            values.put(t.getName(), TensorInfo.constant(t.getDataType(), TensorProtos.shape(t),
                    TensorProtos.elements(t) <= limit ? TensorProtos.decode(t) : null));
        }
        SortedMap<String, long[]> resolved = new TreeMap<>();
        SortedMap<String, Long> assumed = new TreeMap<>();
        List<String> inputNames = new ArrayList<>();
        for (ValueInfoProto in : graph.getInputList()) {
            if (!values.containsKey(in.getName())) {
                inputNames.add(in.getName());
            }
        }
        for (String given : new TreeSet<>(inputShapes.keySet())) {
            if (!inputNames.contains(given)) {
                throw BadInputException.unknown("graph input", given, inputNames);
            }
        }
        for (ValueInfoProto in : graph.getInputList()) {
            if (values.containsKey(in.getName())) {
                continue;
            }
            long[] shape = resolveInput(in, inputShapes.get(in.getName()), assumed);
            resolved.put(in.getName(), shape);
            values.put(in.getName(), TensorInfo.of(in.getType().getTensorType().getElemType(), shape));
        }
        Map<String, long[]> declared = declaredStaticShapes(graph);
        List<NodeShapes> statuses = new ArrayList<>(graph.getNodeCount());
        SortedSet<String> unsupported = new TreeSet<>();
        for (NodeProto node : graph.getNodeList()) {
            statuses.add(inferNode(node, opset, values, declared, unsupported));
        }
        List<String> warnings = new ArrayList<>();
        for (ValueInfoProto out : graph.getOutputList()) {
            long[] d = declared.get(out.getName());
            TensorInfo got = values.get(out.getName());
            if (d != null && got != null && got.known() && !Arrays.equals(d, got.shape())) {
                warnings.add("graph output '" + out.getName() + "' is declared " + Arrays.toString(d)
                        + " but inferred " + Arrays.toString(got.shape()));
            }
        }
        return new InferredShapes(Collections.unmodifiableMap(values), List.copyOf(statuses),
                Collections.unmodifiableSortedMap(resolved), Collections.unmodifiableSortedMap(assumed),
                Collections.unmodifiableSortedSet(unsupported), List.copyOf(warnings), opset);
    }

    private static NodeShapes inferNode(NodeProto node, int opset, Map<String, TensorInfo> values,
                                        Map<String, long[]> declared, Set<String> unsupported) {
        boolean defaultDomain = node.getDomain().isEmpty() || node.getDomain().equals("ai.onnx");
        ShapeRule rule = defaultDomain ? ShapeRules.get(node.getOpType()) : null;
        int outType = 0;
        List<TensorInfo> inputs = new ArrayList<>(node.getInputCount());
        boolean inputsKnown = true;
        for (String name : node.getInputList()) {
            TensorInfo t = name.isEmpty() ? null : values.get(name);
            if (!name.isEmpty() && t == null) {
                throw new OnnxModelException("node '" + node.getName() + "' (" + node.getOpType() + ") reads '" + name
                        + "', which nothing defines before it");
            }
            if (t != null) {
                inputsKnown &= t.known();
                outType = outType == 0 ? t.elementType() : outType;
            }
            inputs.add(t);
        }
        if (rule == null) {
            String op = defaultDomain ? node.getOpType() : node.getDomain() + ":" + node.getOpType();
            unsupported.add(op);
            for (String out : node.getOutputList()) {
                long[] d = declared.get(out);
                values.put(out, d == null ? TensorInfo.unknown(outType) : TensorInfo.of(outType, d));
            }
            return new NodeShapes(NodeShapes.Status.UNSUPPORTED, "operator " + op + " is not supported");
        }
        if (!inputsKnown) {
            markUnknown(node, values, outType);
            return new NodeShapes(NodeShapes.Status.UNKNOWN_INPUT, "an input's shape is unknown");
        }
        List<TensorInfo> outs;
        try {
            outs = rule.infer(new ShapedNode(node, inputs, opset));
        } catch (UnknownShapeException e) {
            markUnknown(node, values, outType);
            return new NodeShapes(NodeShapes.Status.DATA_DEPENDENT, e.getMessage());
        } catch (ArithmeticException e) {
            throw new OnnxModelException(new NodeView(node).describe() + ": its output sizes overflow 64 bits"
                    + " (attributes or shape inputs too large)", e);
        } catch (IndexOutOfBoundsException | NegativeArraySizeException | IllegalArgumentException e) {
            throw new OnnxModelException(new NodeView(node).describe() + ": inconsistent shapes or constants ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        checkSizes(node, outs);
        if (outs.size() < node.getOutputCount() && outs.size() != countNamed(node)) {
            throw new OnnxModelException("node '" + node.getName() + "' (" + node.getOpType() + ") declares "
                    + node.getOutputCount() + " outputs, the operator gives " + outs.size());
        }
        for (int i = 0; i < node.getOutputCount(); i++) {
            String out = node.getOutput(i);
            if (!out.isEmpty() && i < outs.size()) {
                values.put(out, outs.get(i));
            }
        }
        return NodeShapes.INFERRED;
    }

    /**
     * An inferred shape is complete only when every dim is a size: a negative dim (from negative
     * strides, Expand to -1, negative pads) or a size that overflows 64 bits is the model's error,
     * never a figure to report.
     */
    private static void checkSizes(NodeProto node, List<TensorInfo> outs) {
        for (int i = 0; i < outs.size() && i < node.getOutputCount(); i++) {
            long[] shape = outs.get(i).shape();
            if (shape == null) {
                continue;
            }
            String what = new NodeView(node).describe() + ": output " + NodeView.quote(node.getOutput(i))
                    + " would have shape " + Arrays.toString(shape);
            for (long d : shape) {
                if (d < 0) {
                    throw new OnnxModelException(what + ", a negative dimension (check strides, pads and shape inputs)");
                }
            }
            try {
                Math.multiplyExact(TensorInfo.elementCount(shape), 16L);
            } catch (ArithmeticException e) {
                throw new OnnxModelException(what + ", whose size overflows 64 bits", e);
            }
        }
    }

    private static int countNamed(NodeProto node) {
        int last = 0;
        for (int i = 0; i < node.getOutputCount(); i++) {
            if (!node.getOutput(i).isEmpty()) {
                last = i + 1;
            }
        }
        return last;
    }

    private static void markUnknown(NodeProto node, Map<String, TensorInfo> values, int type) {
        for (String out : node.getOutputList()) {
            if (!out.isEmpty()) {
                values.put(out, TensorInfo.unknown(type));
            }
        }
    }

    private static long[] resolveInput(ValueInfoProto in, long[] given, Map<String, Long> assumed) {
        String name = in.getName();
        boolean hasShape = in.getType().hasTensorType() && in.getType().getTensorType().hasShape();
        List<TensorShapeProto.Dimension> dims = hasShape ? in.getType().getTensorType().getShape().getDimList() : List.of();
        if (given != null) {
            if (hasShape && given.length != dims.size()) {
                throw new BadInputException("input shape for '" + name + "' has rank " + given.length
                        + ", the model declares rank " + dims.size() + " " + describe(dims));
            }
            for (int i = 0; i < given.length; i++) {
                if (given[i] <= 0 || given[i] > OnnxModelFile.MAX_TENSOR_ELEMENTS) {
                    throw new BadInputException("input shape for '" + name + "' has dimension " + given[i]
                            + " at axis " + i + ", expected a positive size up to " + OnnxModelFile.MAX_TENSOR_ELEMENTS);
                }
                if (hasShape && dims.get(i).hasDimValue() && dims.get(i).getDimValue() != given[i]) {
                    throw new BadInputException("input shape for '" + name + "' sets axis " + i + " to " + given[i]
                            + ", the model fixes it at " + dims.get(i).getDimValue() + " " + describe(dims));
                }
            }
            long elements = 1;
            for (long d : given) {
                elements *= d; // each factor <= 2^31 - 1 and the product is checked after each step
                if (elements > OnnxModelFile.MAX_TENSOR_ELEMENTS) {
                    throw new BadInputException("input shape for '" + name + "' " + Arrays.toString(given) + " has more than "
                            + OnnxModelFile.MAX_TENSOR_ELEMENTS + " elements, the largest tensor BlockBench accepts");
                }
            }
            return given.clone();
        }
        if (!hasShape) {
            throw new BadInputException("graph input '" + name + "' declares no shape; give one with --input-shape "
                    + name + "=1x3x224x224 (say)");
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            TensorShapeProto.Dimension d = dims.get(i);
            if (d.hasDimValue() && d.getDimValue() > 0) {
                shape[i] = d.getDimValue();
            } else {
                shape[i] = 1;
                assumed.put(d.hasDimParam() && !d.getDimParam().isEmpty() ? d.getDimParam() : name + "[" + i + "]", 1L);
            }
        }
        return shape;
    }

    private static String describe(List<TensorShapeProto.Dimension> dims) {
        return dims.stream().map(d -> d.hasDimValue() ? Long.toString(d.getDimValue())
                : d.hasDimParam() ? d.getDimParam() : "?").toList().toString();
    }

    /** Static shapes the file declares for values (value_info and graph outputs). */
    private static Map<String, long[]> declaredStaticShapes(GraphProto graph) {
        Map<String, long[]> out = new HashMap<>();
        List<ValueInfoProto> infos = new ArrayList<>(graph.getValueInfoList());
        infos.addAll(graph.getOutputList());
        Set<String> seen = new HashSet<>();
        for (ValueInfoProto v : infos) {
            if (!seen.add(v.getName()) || !v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
                continue;
            }
            List<TensorShapeProto.Dimension> dims = v.getType().getTensorType().getShape().getDimList();
            if (dims.stream().allMatch(d -> d.hasDimValue() && d.getDimValue() > 0)) {
                out.put(v.getName(), dims.stream().mapToLong(TensorShapeProto.Dimension::getDimValue).toArray());
            }
        }
        return out;
    }

    private static int defaultOpset(ModelProto model) {
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                return (int) o.getVersion();
            }
        }
        return 1;
    }
}
