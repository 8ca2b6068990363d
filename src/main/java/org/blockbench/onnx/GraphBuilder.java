package org.blockbench.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one context that owns a graph under construction: its nodes, initializers, inputs and
 * outputs, and the names in it. Names are derived from a scope path ({@code stageB.0.conv1})
 * so that parameters read like a PyTorch {@code state_dict}; node output names are made
 * unique by the builder. Values from another builder are rejected.
 *
 * <p>Parameters (trainable tensors and BatchNormalization running statistics) become graph
 * initializers; fixed constants become {@code Constant} nodes, so that "initializers" and
 * "stored state of the model" mean the same thing to every reader of the file.
 */
public final class GraphBuilder {

    /** The opset every graph is written for. */
    public static final int OPSET = 17;
    /** IR version 8 is the one that goes with opset 17. */
    public static final long IR_VERSION = 8;
    /** Written into every model; fixed so that the same build inputs give the same bytes. */
    public static final String PRODUCER_VERSION = "0.1.0";
    /** Written by {@link #build} after all other metadata; its value is the number of metadata entries. */
    public static final String METADATA_COUNT_KEY = "blockbench.metadata_entries";
    /** The producer_name of models BlockBench writes. */
    public static final String PRODUCER = "blockbench";

    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final Map<String, FloatTensor> parameters = new HashMap<>();
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Integer> nodeCounters = new HashMap<>();
    private final Deque<String> scopes = new ArrayDeque<>();

    /** Enters a naming scope; close it (try-with-resources) to leave. */
    public Scope scope(String name) {
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("scope name must be non-empty and free of '/': '" + name + "'");
        }
        scopes.addLast(name);
        return new Scope(name);
    }

    /** The current scope path, dot-separated, or "" at top level. */
    public String scopePath() {
        return String.join(".", scopes);
    }

    /** A float32 graph input whose first dimension is the symbolic {@code batchDim}. */
    public Value input(String name, String batchDim, long... dims) {
        claim(name);
        inputs.add(valueInfo(name, batchDim, dims));
        return new Value(name, this);
    }

    /** Declares {@code value} a graph output with a symbolic first dimension. */
    public void output(Value value, String batchDim, long... dims) {
        own(value);
        outputs.add(valueInfo(value.name(), batchDim, dims));
    }

    /**
     * A parameter of the model (stored as an initializer) named {@code scope.localName}. Each
     * name may be used once.
     */
    public Value parameter(String localName, FloatTensor tensor) {
        String name = qualified(localName, ".");
        claim(name);
        parameters.put(name, tensor);
        initializers.add(floatTensorProto(name, tensor));
        return new Value(name, this);
    }

    /**
     * An initializer of any element type (an int8 quantized weight, a float16 parameter, a
     * quantization scale) named {@code scope.localName}; {@link #parameters()} lists only float32
     * parameters, so this is for derived models (org.blockbench.quant). Each name may be used once.
     */
    public Value initializer(String localName, TensorProto tensor) {
        String name = qualified(localName, ".");
        claim(name);
        initializers.add(tensor.toBuilder().setName(name).build());
        return new Value(name, this);
    }

    /** Values of the parameters added so far, by qualified name. */
    public Map<String, FloatTensor> parameters() {
        return Map.copyOf(parameters);
    }

    /** A fixed int64 vector (shapes, axes, indices), emitted as a Constant node. */
    public Value constant(long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        return op(OnnxOp.CONSTANT, List.of(), Attribute.tensor("value", t.build()));
    }

    /** A fixed int64 scalar (rank 0), e.g. a Gather index that drops its axis. */
    public Value constantScalar(long value) {
        TensorProto t = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64.getNumber())
                .addInt64Data(value).build();
        return op(OnnxOp.CONSTANT, List.of(), Attribute.tensor("value", t));
    }

    /** A fixed float tensor, emitted as a Constant node. */
    public Value constant(FloatTensor tensor) {
        return op(OnnxOp.CONSTANT, List.of(), Attribute.tensor("value", floatTensorProto("", tensor)));
    }

    /** A fixed float scalar, emitted as a Constant node. */
    public Value scalar(float value) {
        return constant(new FloatTensor(new long[0], new float[] {value}));
    }

    /** A fixed tensor of any element type (a stage's int64 shape initializer, say), emitted as a Constant node. */
    public Value constant(TensorProto tensor) {
        return op(OnnxOp.CONSTANT, List.of(), Attribute.tensor("value", tensor.toBuilder().clearName().build()));
    }

    /**
     * Copies a default-domain node of another, validated model (a user's stage) into this graph
     * under the current scope: its operator and attributes as they are, its inputs replaced by
     * {@code in} (null for a skipped optional input), its outputs given fresh unique names. The
     * node's own name, if any, is kept under the scope for readers of profiles.
     */
    public List<Value> copyNode(NodeProto foreign, List<Value> in) {
        if (!foreign.getDomain().isEmpty()) {
            throw new IllegalArgumentException("node " + foreign.getName() + " is in domain '" + foreign.getDomain()
                    + "'; only the default ONNX domain can be copied");
        }
        // PyTorch names nodes "/0/conv1/Conv"; under our scope that reads "stageB/0.conv1.Conv".
        String local = foreign.getName().replaceAll("^/+", "").replace('/', '.');
        String base = qualified(local.isEmpty() ? foreign.getOpType() : local, "/");
        int k = nodeCounters.merge(base, 1, Integer::sum) - 1;
        String nodeName = k == 0 && !names.contains(base) ? base : base + "_" + k;
        NodeProto.Builder node = foreign.toBuilder().setName(nodeName).clearInput().clearOutput();
        for (Value v : in) {
            node.addInput(v == null ? "" : own(v).name());
        }
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < foreign.getOutputCount(); i++) {
            if (foreign.getOutput(i).isEmpty()) {
                node.addOutput("");
                out.add(null);
                continue;
            }
            String name = foreign.getOutputCount() == 1 ? nodeName : nodeName + ":" + i;
            claim(name);
            node.addOutput(name);
            out.add(new Value(name, this));
        }
        nodes.add(node.build());
        return out;
    }

    /** Adds a single-output node; its output gets a fresh unique name. */
    public Value op(OnnxOp op, List<Value> in, Attribute... attributes) {
        if (op.outputs() != 1) {
            throw new IllegalArgumentException(op.opType() + " has several outputs; use ops(...)");
        }
        return ops(op, 1, in, attributes).get(0);
    }

    /** Adds a node whose single output has the given graph-unique name (e.g. "logits"). */
    public Value opNamed(String outputName, OnnxOp op, List<Value> in, Attribute... attributes) {
        claim(outputName);
        String nodeName = nextNodeName(op);
        nodes.add(node(op, nodeName, in, List.of(outputName), attributes));
        return new Value(outputName, this);
    }

    /** Adds a node with {@code outputCount} outputs. */
    public List<Value> ops(OnnxOp op, int outputCount, List<Value> in, Attribute... attributes) {
        if (op.outputs() > 0 && op.outputs() != outputCount) {
            throw new IllegalArgumentException(op.opType() + " has " + op.outputs() + " outputs, asked for " + outputCount);
        }
        String nodeName = nextNodeName(op);
        List<String> outNames = new ArrayList<>();
        for (int i = 0; i < outputCount; i++) {
            String out = outputCount == 1 ? nodeName : nodeName + ":" + i;
            claim(out);
            outNames.add(out);
        }
        nodes.add(node(op, nodeName, in, outNames, attributes));
        return outNames.stream().map(n -> new Value(n, this)).toList();
    }

    /**
     * The finished model. {@code metadata} goes into {@code metadata_props} sorted by key, so
     * that the same inputs always serialise to the same bytes.
     */
    public ModelProto build(String graphName, String docString, Map<String, String> metadata) {
        if (outputs.isEmpty()) {
            throw new IllegalStateException("graph '" + graphName + "' has no outputs");
        }
        GraphProto graph = GraphProto.newBuilder().setName(graphName).addAllNode(nodes)
                .addAllInitializer(initializers).addAllInput(inputs).addAllOutput(outputs).build();
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER).setProducerVersion(PRODUCER_VERSION)
                .setDocString(docString).setGraph(graph);
        new TreeMap<>(metadata).forEach((k, v) ->
                model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        // Last field on the wire: a reader can tell a file cut between two metadata entries.
        model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(METADATA_COUNT_KEY)
                .setValue(Integer.toString(metadata.size() + 1)));
        return model.build();
    }

    /** Little-endian raw data, the encoding ORT and onnx.numpy_helper read fastest. */
    static TensorProto floatTensorProto(String name, FloatTensor tensor) {
        ByteBuffer bytes = ByteBuffer.allocate(tensor.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(tensor.data());
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : tensor.shape()) {
            t.addDims(d);
        }
        return t.build();
    }

    private NodeProto node(OnnxOp op, String nodeName, List<Value> in, List<String> outNames, Attribute... attributes) {
        op.checkInputs(in.size());
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op.opType()).setName(nodeName);
        for (Value v : in) {
            node.addInput(v == null ? "" : own(v).name());
        }
        node.addAllOutput(outNames);
        for (Attribute a : attributes) {
            op.checkAttribute(a.name());
            node.addAttribute(a.proto());
        }
        return node.build();
    }

    private String nextNodeName(OnnxOp op) {
        String base = qualified(op.opType(), "/");
        int k = nodeCounters.merge(base, 1, Integer::sum) - 1;
        return k == 0 && !names.contains(base) ? base : base + "_" + k;
    }

    private String qualified(String localName, String separator) {
        String path = scopePath();
        return path.isEmpty() ? localName : path + separator + localName;
    }

    private void claim(String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("name '" + name + "' is already used in this graph");
        }
    }

    private Value own(Value v) {
        if (v.owner() != this) {
            throw new IllegalArgumentException("value '" + v.name() + "' belongs to another graph");
        }
        return v;
    }

    private static ValueInfoProto valueInfo(String name, String batchDim, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batchDim));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    /** A naming scope; closing it returns to the enclosing one. A second close is harmless. */
    public final class Scope implements AutoCloseable {
        private final String name;
        private final int depth;
        private boolean closed;

        private Scope(String name) {
            this.name = name;
            this.depth = scopes.size();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (scopes.size() != depth || !scopes.peekLast().equals(name)) {
                throw new IllegalStateException("scope '" + name + "' closed out of order");
            }
            scopes.removeLast();
            closed = true;
        }
    }
}
