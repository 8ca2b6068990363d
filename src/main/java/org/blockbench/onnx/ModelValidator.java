package org.blockbench.onnx;

import static org.blockbench.onnx.NodeView.quote;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.FunctionProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TrainingInfoProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.SparseTensorProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a user's model before any runtime (ONNX Runtime, LibTorch) or analysis sees it: a
 * model file is untrusted input. Every refusal is an {@link OnnxModelException} of one line
 * naming the file, the place in the graph and the problem. The rules:
 * <ul>
 *   <li>a graph, an opset import, at least one graph input and one output; node inputs
 *       defined before use; outputs produced; a default-domain node without inputs only for
 *       the operators that take none;</li>
 *   <li>{@code ir_version} in [{@value #MIN_IR_VERSION}, {@link OnnxModelFile#MAX_IR_VERSION}]
 *       and every opset import &ge; 1, the default domain's at most
 *       {@link OnnxModelFile#MAX_OPSET} (what the bundled ONNX Runtime loads);</li>
 *   <li>{@code strides}, {@code dilations}, {@code kernel_shape} in [1, {@value #MAX_WINDOW}] and
 *       {@code pads}, {@code output_padding} in [0, {@value #MAX_WINDOW}] on every node (the
 *       {@code Pad} operator, whose pads may crop, excepted): a stride of 10^9 passed "&ge; 1"
 *       and crashed ONNX Runtime;</li>
 *   <li>every main-graph input typed; no attribute an operator does not define at the model's
 *       opset ({@link OperatorAttributes});</li>
 *   <li>the same rules in every model-local function ({@code ModelProto.functions}: its nodes,
 *       its attributes' default values, its opset imports, inputs defined before use) and in
 *       both graphs of every {@code training_info}, which ONNX Runtime loads too;</li>
 *   <li>every declared dim (inputs, outputs, value_info, initializers, sparse tensors) &ge; 0,
 *       and at most {@link OnnxModelFile#MAX_TENSOR_ELEMENTS} (2^31 - 1) elements per tensor;</li>
 *   <li>every tensor payload (initializers, sparse initializers, tensor attributes such as a
 *       Constant's {@code value}, in every subgraph) matches its dims and data type;</li>
 *   <li>no external data anywhere: a location that is absolute, leaves the model's directory
 *       (after {@code ..} and symbolic links) or names a missing file is refused with that
 *       reason; a location inside the directory is refused too, because analysis and training
 *       read weights from the file itself.</li>
 * </ul>
 */
final class ModelValidator {

    private static final long MAX_ELEMENTS = OnnxModelFile.MAX_TENSOR_ELEMENTS;

    /** Default-domain operators that take no inputs. */
    private static final Set<String> NO_INPUT_OPS = Set.of("Constant", "RandomNormal", "RandomUniform", "SequenceEmpty");

    /** Operators whose window attributes are checked (strides, dilations, pads). */
    private static final Set<String> POSITIVE_ATTRIBUTES = Set.of("strides", "dilations", "kernel_shape");
    private static final Set<String> NON_NEGATIVE_ATTRIBUTES = Set.of("pads", "output_padding");
    /**
     * Largest window attribute value (stride, dilation, kernel extent, pad): far above any real
     * model's (a 1-D audio front end strides by hundreds), far below the values that overflow
     * ONNX Runtime's output-size arithmetic.
     */
    static final long MAX_WINDOW = 1 << 16;
    /** IR version 3 introduced opset imports, which every model must have. */
    static final long MIN_IR_VERSION = 3;

    private final String source;
    private final Path directory;
    /** The default-domain opset the nodes being checked are read at (the model's, or a function's own); -1 unknown. */
    private long opset = -1;

    /**
     * @param source    the file (or label) that every message starts with
     * @param directory the model's directory, against which external-data locations resolve;
     *                  null for a model not read from a file
     */
    private ModelValidator(String source, Path directory) {
        this.source = source;
        this.directory = directory;
    }

    /** Validates {@code model}; throws {@link OnnxModelException} naming {@code source} and the problem. */
    static void validate(String source, Path directory, ModelProto model) {
        new ModelValidator(source, directory).model(model);
    }

    private void model(ModelProto model) {
        if (!model.hasGraph()) {
            throw fail("not a valid ONNX model (no graph)");
        }
        if (model.getOpsetImportCount() == 0) {
            throw fail("not a valid ONNX model (no opset_import)");
        }
        versions(model);
        opset = defaultOpset(model.getOpsetImportList(), -1);
        GraphProto graph = model.getGraph();
        String g = "graph " + quote(graph.getName());
        if (graph.getInputCount() == 0) {
            throw fail(g + " declares no inputs; BlockBench feeds every model at least one input");
        }
        if (graph.getOutputCount() == 0) {
            throw fail(g + " declares no outputs (truncated file?)");
        }
        Set<String> initializers = new HashSet<>();
        graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
        for (ValueInfoProto in : graph.getInputList()) {
            boolean typed = in.getType().getValueCase() != TypeProto.ValueCase.VALUE_NOT_SET
                    && (!in.getType().hasTensorType() || in.getType().getTensorType().getElemType() != 0);
            if (!typed && !initializers.contains(in.getName())) {
                throw fail(g + " input " + quote(in.getName()) + " declares no type; ONNX Runtime needs every input's"
                        + " element type (re-export with the input's dtype)");
            }
        }
        graph(graph, g);
        topology(graph);
        for (FunctionProto f : model.getFunctionsList()) {
            function(f);
        }
        for (int i = 0; i < model.getTrainingInfoCount(); i++) {
            TrainingInfoProto info = model.getTrainingInfo(i);
            String t = "training_info " + i;
            if (info.hasInitialization()) {
                graph(info.getInitialization(), t + " initialization graph " + quote(info.getInitialization().getName()));
            }
            if (info.hasAlgorithm()) {
                graph(info.getAlgorithm(), t + " algorithm graph " + quote(info.getAlgorithm().getName()));
            }
        }
    }

    /** IR version and opset imports within what the bundled ONNX Runtime loads. */
    private void versions(ModelProto model) {
        long ir = model.getIrVersion();
        if (ir < MIN_IR_VERSION || ir > OnnxModelFile.MAX_IR_VERSION) {
            throw fail("ir_version is " + ir + ", expected " + MIN_IR_VERSION + " to " + OnnxModelFile.MAX_IR_VERSION
                    + " (the IR versions the bundled ONNX Runtime loads)");
        }
        opsets(model.getOpsetImportList(), "opset_import");
    }

    private void opsets(List<OperatorSetIdProto> imports, String where) {
        for (OperatorSetIdProto opset : imports) {
            boolean defaultDomain = opset.getDomain().isEmpty() || opset.getDomain().equals("ai.onnx");
            long max = defaultDomain ? OnnxModelFile.MAX_OPSET : Long.MAX_VALUE;
            if (opset.getVersion() < 1 || opset.getVersion() > max) {
                throw fail(where + " of domain " + quote(defaultDomain ? "ai.onnx" : opset.getDomain()) + " is version "
                        + opset.getVersion() + ", expected 1 to " + (defaultDomain ? max + " (the opsets the bundled ONNX Runtime loads)" : "2^63 - 1"));
            }
        }
    }

    /** A model-local function: the main graph's rules for its nodes, defaults and opsets. */
    private void function(FunctionProto f) {
        String where = "function " + quote(f.getDomain() + ":" + f.getName());
        opsets(f.getOpsetImportList(), where + " opset_import");
        long modelOpset = opset;
        opset = defaultOpset(f.getOpsetImportList(), modelOpset);
        for (AttributeProto a : f.getAttributeProtoList()) {
            payloads(a, where + " attribute " + quote(a.getName()));
        }
        Set<String> defined = new HashSet<>(f.getInputList());
        for (NodeProto n : f.getNodeList()) {
            NodeView node = new NodeView(n);
            node(node, where);
            for (String in : n.getInputList()) {
                if (!in.isEmpty() && !defined.contains(in)) {
                    throw fail(where + " " + node.describe() + " reads " + quote(in)
                            + ", which no function input or earlier node defines");
                }
            }
            defined.addAll(n.getOutputList());
        }
        for (String out : f.getOutputList()) {
            if (!defined.contains(out)) {
                throw fail(where + " output " + quote(out) + " is never produced");
            }
        }
        opset = modelOpset;
    }

    private static long defaultOpset(List<OperatorSetIdProto> imports, long otherwise) {
        return imports.stream().filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToLong(OperatorSetIdProto::getVersion).findFirst().orElse(otherwise);
    }

    /** Values and attributes of one graph and, recursively, its subgraphs. */
    private void graph(GraphProto graph, String where) {
        for (ValueInfoProto v : graph.getInputList()) {
            type(v.getType(), where + " input " + quote(v.getName()));
        }
        for (ValueInfoProto v : graph.getOutputList()) {
            type(v.getType(), where + " output " + quote(v.getName()));
        }
        for (ValueInfoProto v : graph.getValueInfoList()) {
            type(v.getType(), where + " value_info " + quote(v.getName()));
        }
        for (TensorProto t : graph.getInitializerList()) {
            tensor(t, where + " initializer " + quote(t.getName()));
        }
        for (SparseTensorProto t : graph.getSparseInitializerList()) {
            sparse(t, where + " sparse initializer " + quote(t.getValues().getName()));
        }
        for (NodeProto node : graph.getNodeList()) {
            node(new NodeView(node), where);
        }
    }

    private void node(NodeView node, String where) {
        NodeProto proto = node.proto();
        String at = where + " " + node.describe();
        boolean defaultDomain = proto.getDomain().isEmpty() || proto.getDomain().equals("ai.onnx");
        if (defaultDomain && !NO_INPUT_OPS.contains(node.opType())
                && proto.getInputList().stream().allMatch(String::isEmpty)) {
            throw fail(at + " has no inputs; the operator needs at least one");
        }
        for (AttributeProto a : proto.getAttributeList()) {
            String attr = at + " attribute " + quote(a.getName());
            if (defaultDomain && opset > 0) {
                java.util.Optional<String> undefined = OperatorAttributes.undefined(node.opType(), a.getName(), opset);
                if (undefined.isPresent()) {
                    throw fail(attr + " is not an attribute of the operator (" + undefined.get()
                            + "); ONNX Runtime refuses the node");
                }
            }
            boolean window = !node.opType().equals("Pad") && defaultDomain;
            if (window && POSITIVE_ATTRIBUTES.contains(a.getName())) {
                for (long v : ints(node, a, where)) {
                    if (v < 1 || v > MAX_WINDOW) {
                        throw fail(attr + " is " + a.getIntsList() + ", expected every value in [1, " + MAX_WINDOW + "]");
                    }
                }
            }
            if (window && NON_NEGATIVE_ATTRIBUTES.contains(a.getName())) {
                for (long v : ints(node, a, where)) {
                    if (v < 0 || v > MAX_WINDOW) {
                        throw fail(attr + " is " + a.getIntsList() + ", expected every value in [0, " + MAX_WINDOW + "]");
                    }
                }
            }
            payloads(a, attr);
        }
    }

    /** Tensors, subgraphs and types an attribute holds, wherever it sits. */
    private void payloads(AttributeProto a, String attr) {
        // Every payload field is checked whatever the declared type: a runtime may read any.
        if (a.hasT()) {
            tensor(a.getT(), attr);
        }
        for (TensorProto t : a.getTensorsList()) {
            tensor(t, attr);
        }
        if (a.hasSparseTensor()) {
            sparse(a.getSparseTensor(), attr);
        }
        for (SparseTensorProto t : a.getSparseTensorsList()) {
            sparse(t, attr);
        }
        if (a.hasG()) {
            graph(a.getG(), attr + " graph " + quote(a.getG().getName()));
        }
        for (GraphProto sub : a.getGraphsList()) {
            graph(sub, attr + " graph " + quote(sub.getName()));
        }
        if (a.hasTp()) {
            type(a.getTp(), attr);
        }
    }

    /** An INTS attribute through the typed reader, its type error placed in the file and graph. */
    private long[] ints(NodeView node, AttributeProto a, String where) {
        try {
            return node.attrInts(a.getName(), null);
        } catch (OnnxModelException e) {
            throw fail(where + " " + e.getMessage());
        }
    }

    /** Node inputs defined before use and graph outputs produced, in the main graph. */
    private void topology(GraphProto graph) {
        Set<String> defined = new HashSet<>();
        graph.getInputList().forEach(i -> defined.add(i.getName()));
        graph.getInitializerList().forEach(t -> defined.add(t.getName()));
        graph.getSparseInitializerList().forEach(t -> defined.add(t.getValues().getName()));
        for (NodeProto node : graph.getNodeList()) {
            for (String in : node.getInputList()) {
                if (!in.isEmpty() && !defined.contains(in)) {
                    throw fail(new NodeView(node).describe() + " reads " + quote(in)
                            + ", which no graph input, initializer or earlier node defines"
                            + " (truncated file, or nodes not in topological order)");
                }
            }
            defined.addAll(node.getOutputList());
        }
        for (ValueInfoProto out : graph.getOutputList()) {
            if (!defined.contains(out.getName())) {
                throw fail("graph output " + quote(out.getName()) + " is never produced (truncated file?)");
            }
        }
    }

    private void type(TypeProto type, String where) {
        switch (type.getValueCase()) {
            case TENSOR_TYPE -> shape(type.getTensorType().getShape(), where);
            case SPARSE_TENSOR_TYPE -> shape(type.getSparseTensorType().getShape(), where);
            case SEQUENCE_TYPE -> type(type.getSequenceType().getElemType(), where);
            case OPTIONAL_TYPE -> type(type.getOptionalType().getElemType(), where);
            case MAP_TYPE -> type(type.getMapType().getValueType(), where);
            default -> {
            }
        }
    }

    /** Declared dims: symbolic ones are free, numeric ones must be a sane tensor size. */
    private void shape(TensorShapeProto shape, String where) {
        List<Long> dims = shape.getDimList().stream().filter(TensorShapeProto.Dimension::hasDimValue)
                .map(TensorShapeProto.Dimension::getDimValue).toList();
        elements(dims, where + " declares shape " + render(shape));
    }

    private long elements(List<Long> dims, String what) {
        long n = 1;
        for (long d : dims) {
            if (d < 0) {
                throw fail(what + " with a negative dimension " + d);
            }
            if (d > MAX_ELEMENTS || (n = n * d) > MAX_ELEMENTS) {
                throw fail(what + ", more than " + MAX_ELEMENTS + " elements (2^31 - 1, the largest tensor BlockBench accepts)");
            }
        }
        return n;
    }

    private void sparse(SparseTensorProto t, String where) {
        elements(t.getDimsList(), where + " has dense shape " + t.getDimsList());
        tensor(t.getValues(), where + " values");
        tensor(t.getIndices(), where + " indices");
    }

    private void tensor(TensorProto t, String where) {
        long elements = elements(t.getDimsList(), where + " has shape " + t.getDimsList());
        if (isExternal(t)) {
            external(t, where);
            return;
        }
        TensorProto.DataType type = TensorProto.DataType.forNumber(t.getDataType());
        if (type == null || type == TensorProto.DataType.UNDEFINED) {
            throw fail(where + " has data type " + t.getDataType() + ", which ONNX does not define");
        }
        if (!t.getRawData().isEmpty()) {
            long bytes = rawBytes(type, elements);
            if (bytes < 0) {
                throw fail(where + " holds raw_data, which data type " + type + " cannot use");
            }
            if (t.getRawData().size() != bytes) {
                throw fail(where + " holds " + t.getRawData().size() + " bytes of raw_data, its shape " + t.getDimsList()
                        + " and type " + type + " need " + bytes + " (truncated file?)");
            }
            return;
        }
        String field;
        long found;
        long per = 1;
        switch (type) {
            case FLOAT -> { field = "float_data"; found = t.getFloatDataCount(); }
            case COMPLEX64 -> { field = "float_data"; found = t.getFloatDataCount(); per = 2; }
            case DOUBLE -> { field = "double_data"; found = t.getDoubleDataCount(); }
            case COMPLEX128 -> { field = "double_data"; found = t.getDoubleDataCount(); per = 2; }
            case INT64 -> { field = "int64_data"; found = t.getInt64DataCount(); }
            case UINT32, UINT64 -> { field = "uint64_data"; found = t.getUint64DataCount(); }
            case STRING -> { field = "string_data"; found = t.getStringDataCount(); }
            case UINT4, INT4 -> { field = "int32_data"; found = t.getInt32DataCount(); elements = (elements + 1) / 2; }
            default -> { field = "int32_data"; found = t.getInt32DataCount(); }
        }
        if (found != elements * per) {
            throw fail(where + " holds " + found + " values in " + field + ", its shape " + t.getDimsList()
                    + " needs " + elements * per + " (truncated file?)");
        }
    }

    /** Bytes of raw_data for {@code elements} of {@code type}, or -1 where raw_data is not allowed. */
    private static long rawBytes(TensorProto.DataType type, long elements) {
        return switch (type) {
            case FLOAT, INT32, UINT32 -> 4 * elements;
            case DOUBLE, INT64, UINT64, COMPLEX64 -> 8 * elements;
            case COMPLEX128 -> 16 * elements;
            case FLOAT16, BFLOAT16, INT16, UINT16 -> 2 * elements;
            case INT8, UINT8, BOOL, FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ -> elements;
            case UINT4, INT4 -> (elements + 1) / 2;
            default -> -1;
        };
    }

    private static boolean isExternal(TensorProto t) {
        return t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0;
    }

    /**
     * Refuses external data, with the most telling reason: escaping locations are named as such,
     * since ONNX Runtime would read any file the location points at and feed it to the model.
     */
    private void external(TensorProto t, String where) {
        String location = null;
        for (StringStringEntryProto e : t.getExternalDataList()) {
            if (e.getKey().equals("location")) {
                location = e.getValue();
            }
        }
        String at = where + " uses external data";
        if (location == null || location.isEmpty()) {
            throw fail(at + " without a location");
        }
        at += " at " + quote(location);
        Path relative;
        try {
            relative = Path.of(location);
        } catch (InvalidPathException e) {
            throw fail(at + ", which is not a valid path");
        }
        if (relative.isAbsolute() || location.startsWith("/") || location.startsWith("\\")
                || location.matches("^[A-Za-z]:.*")) {
            throw fail(at + ", an absolute path; external data must lie in the model's directory");
        }
        if (directory == null) {
            throw fail(at + ", but the model was not read from a file, so there is no directory to resolve it in");
        }
        Path base = directory.toAbsolutePath().normalize();
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw fail(at + ", which leaves the model's directory " + quote(base.toString()));
        }
        if (!Files.exists(resolved)) {
            throw fail(at + ", a file that does not exist (" + quote(resolved.toString()) + ")");
        }
        try {
            Path real = resolved.toRealPath();
            if (!real.startsWith(base.toRealPath())) {
                throw fail(at + ", which leaves the model's directory " + quote(base.toString())
                        + " through a symbolic link to " + quote(real.toString()));
            }
        } catch (IOException e) {
            throw fail(at + ", which cannot be resolved (" + e.getMessage() + ")");
        }
        throw fail(at + "; BlockBench reads weights only from the model file itself, re-save the model with"
                + " its data inside (onnx.save_model(..., save_as_external_data=False))");
    }

    private static String render(TensorShapeProto shape) {
        return shape.getDimList().stream().map(d -> d.hasDimValue() ? Long.toString(d.getDimValue())
                : d.hasDimParam() ? quote(d.getDimParam()) : "?").toList().toString();
    }

    private OnnxModelException fail(String message) {
        return new OnnxModelException(source + ": " + message);
    }
}
