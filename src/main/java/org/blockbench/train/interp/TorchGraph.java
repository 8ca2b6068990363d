package org.blockbench.train.interp;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.blockbench.onnx.NodeView;

/**
 * An ONNX graph compiled to LibTorch: each node becomes a {@link Kernel} calling the matching
 * torch op, so that a forward pass records autograd history and {@code backward()} gives
 * gradients for every trainable initializer.
 *
 * <p>Initializers: BatchNormalization inputs 3 and 4 are buffers; float initializers feeding
 * other positions are trainable parameters, except positions that are constants by nature
 * (shapes, axes, clip bounds, exponents); integer initializers are constants. The graph owns
 * its {@link ParameterStore} and constants; {@link #close()} frees them. A PyTorch export whose
 * equal-valued tensors were merged into one initializer goes through {@link SharedTensors#separate}
 * first (the training run and the training benchmark do), so that each tensor has one role.
 *
 * <p>Scaled dot-product attention chains (MatMul → Mul → Softmax → MatMul) compile to one fused
 * step, see {@link AttentionFusion}; every other node compiles alone.
 *
 * <p>Compilation fails with {@link ModelNotTrainableException} listing every unsupported
 * operator before any tensor is made.
 */
public final class TorchGraph implements AutoCloseable {

    static {
        TorchRuntime.initialize();
    }

    private final String name;
    private final String inputName;
    private final String outputName;
    private final ParameterStore parameters;
    private final List<Step> steps;
    private final int inputSlot;
    private final int outputSlot;
    private final Tensor[] fixedValues;
    private final int slotCount;
    private final List<Pointer> owned;
    private boolean closed;

    /** @param description names the node (or the fused nodes) in error messages */
    private record Step(String description, Kernel kernel, int[] inputs, int[] outputs) {
    }

    private TorchGraph(String name, String inputName, String outputName, ParameterStore parameters, List<Step> steps,
            int inputSlot, int outputSlot, Tensor[] fixedValues, List<Pointer> owned) {
        this.name = name;
        this.inputName = inputName;
        this.outputName = outputName;
        this.parameters = parameters;
        this.steps = steps;
        this.inputSlot = inputSlot;
        this.outputSlot = outputSlot;
        this.fixedValues = fixedValues;
        this.slotCount = fixedValues.length;
        this.owned = owned;
    }

    /** The op types the interpreter implements. */
    public static SortedSet<String> supportedOps() {
        return OpRegistry.supported();
    }

    /**
     * Compiles {@code model}. Must be called outside any {@code PointerScope}: the parameters
     * made here live as long as the graph.
     *
     * @param source names the model in error messages (a file path, "ResNetBasicBlock/mid")
     */
    public static TorchGraph compile(ModelProto model, String source, Precision precision, MemoryLayout layout) {
        return compile(model, source, precision, layout, TrainingDevice.CPU);
    }

    /**
     * Compiles {@code model} with its floating-point parameters, buffers and constants on
     * {@code device} (the caller checked it is available); the input given to
     * {@link #forward} must be on the same device.
     */
    public static TorchGraph compile(ModelProto model, String source, Precision precision, MemoryLayout layout,
            TrainingDevice device) {
        return compile(model, source, precision, layout, device, true);
    }

    /**
     * As {@link #compile(ModelProto, String, Precision, MemoryLayout, TrainingDevice)};
     * {@code fuseAttention} false compiles every node alone (the reference the fusion is tested against).
     */
    static TorchGraph compile(ModelProto model, String source, Precision precision, MemoryLayout layout,
            TrainingDevice device, boolean fuseAttention) {
        if (PointerScope.getInnerScope() != null) {
            throw new IllegalStateException("compile a TorchGraph outside any PointerScope; its parameters must outlive it");
        }
        GraphProto graph = model.getGraph();
        checkOpset(model, source);
        checkOps(graph, source);

        Map<String, TensorProto> initializers = new LinkedHashMap<>();
        graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        List<String> dataInputs = graph.getInputList().stream().map(ValueInfoProto::getName)
                .filter(n -> !initializers.containsKey(n)).toList();
        if (dataInputs.size() != 1) {
            throw new ModelNotTrainableException(source + ": the trainer needs exactly one graph input (the image batch), found "
                    + dataInputs.size() + " " + dataInputs);
        }
        if (graph.getOutputCount() < 1) {
            throw new ModelNotTrainableException(source + ": graph has no outputs");
        }
        String inputName = dataInputs.get(0);
        String outputName = graph.getOutput(0).getName();

        Map<String, ParameterStore.Kind> roles = classify(graph, initializers);
        Map<String, Integer> slots = new HashMap<>();
        List<Tensor> fixed = new ArrayList<>();
        int inputSlot = slot(slots, fixed, inputName);

        ParameterStore store = new ParameterStore();
        CompileContext context = new CompileContext(precision.scalarType(), device);
        try {
            for (TensorProto init : initializers.values()) {
                Tensor t = TorchTensors.fromProto(init, precision.scalarType(), source + ": initializer '" + init.getName() + "'");
                ParameterStore.Kind kind = roles.get(init.getName());
                if (kind == null || !t.is_floating_point()) {
                    context.own(t);
                } else {
                    t = context.placed(t);
                    if (t.dim() == 4 && layout == MemoryLayout.CHANNELS_LAST) {
                        t = t.contiguous(layout.format());
                    }
                    if (kind == ParameterStore.Kind.TRAINABLE) {
                        t.requires_grad_(true);
                    }
                    store.add(init.getName(), kind, t);
                }
                int s = slot(slots, fixed, init.getName());
                fixed.set(s, t);
            }
            List<Step> steps = new ArrayList<>();
            AttentionFusion fusion = fuseAttention ? AttentionFusion.find(graph) : AttentionFusion.NONE;
            for (int n = 0; n < graph.getNodeCount(); n++) {
                NodeProto node = graph.getNode(n);
                NodeView view = new NodeView(node);
                AttentionFusion.Chain chain = fusion.endingAt(n);
                if (chain != null) {
                    steps.add(step(chain.description(), chain.kernel(context), chain.inputs(), List.of(chain.output()),
                            slots, fixed, source));
                } else if (!fusion.absorbs(n)) {
                    Kernel kernel = OpRegistry.find(node.getOpType()).factory().create(view, context);
                    steps.add(step(view.describe(), kernel, node.getInputList(), node.getOutputList(), slots, fixed, source));
                }
            }
            if (!slots.containsKey(outputName)) {
                throw new ModelNotTrainableException(source + ": graph output '" + outputName + "' is never produced");
            }
            checkUnusedExtraOutputs(graph, source);
            return new TorchGraph(graph.getName(), inputName, outputName, store, List.copyOf(steps), inputSlot,
                    slots.get(outputName), fixed.toArray(new Tensor[0]), context.ownedNewestFirst());
        } catch (RuntimeException e) {
            store.close();
            context.ownedNewestFirst().forEach(Pointer::close);
            throw e;
        }
    }

    /** The graph's name (from the file). */
    public String name() {
        return name;
    }

    /** The name of the one data input. */
    public String inputName() {
        return inputName;
    }

    /** The name of the output used as logits (the first graph output). */
    public String outputName() {
        return outputName;
    }

    /** The parameters and buffers (live, owned by this graph). */
    public ParameterStore parameters() {
        checkOpen();
        return parameters;
    }

    /**
     * Runs the graph on {@code input}. Call inside the caller's {@code PointerScope}: every
     * intermediate tensor is attached to it.
     *
     * @param training training mode (batch statistics, BN running-statistics updates, dropout)
     */
    public Tensor forward(Tensor input, boolean training) {
        checkOpen();
        Tensor[] values = fixedValues.clone();
        values[inputSlot] = input;
        for (Step step : steps) {
            Tensor[] args = new Tensor[step.inputs().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = step.inputs()[i] < 0 ? null : values[step.inputs()[i]];
            }
            Tensor[] results;
            try {
                results = step.kernel().run(args, training);
            } catch (RuntimeException e) {
                if (!GraphExecutionException.isLibTorchError(e)) {
                    throw e; // our own exceptions: bad input already typed, or a defect
                }
                throw new GraphExecutionException(name + ": " + step.description() + " failed: "
                        + GraphExecutionException.firstLine(e), e);
            }
            int[] outs = step.outputs();
            for (int i = 0; i < outs.length && i < results.length; i++) {
                if (outs[i] >= 0) {
                    values[outs[i]] = results[i];
                }
            }
        }
        Tensor out = values[outputSlot];
        if (out == null) {
            throw new GraphExecutionException(name + ": output '" + outputName + "' was not computed");
        }
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        parameters.close();
        owned.forEach(Pointer::close);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("TorchGraph '" + name + "' is closed");
        }
    }

    /** A step reading and writing the named values; every input must be defined by an earlier step, an initializer or the graph input. */
    private static Step step(String description, Kernel kernel, List<String> inputs, List<String> outputs,
            Map<String, Integer> slots, List<Tensor> fixed, String source) {
        int[] in = new int[inputs.size()];
        for (int i = 0; i < in.length; i++) {
            String v = inputs.get(i);
            if (v.isEmpty()) {
                in[i] = -1;
            } else if (!slots.containsKey(v)) {
                throw new ModelNotTrainableException(source + ": " + description + " reads '" + v
                        + "', which nothing before it defines");
            } else {
                in[i] = slots.get(v);
            }
        }
        int[] out = new int[outputs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = outputs.get(i).isEmpty() ? -1 : slot(slots, fixed, outputs.get(i));
        }
        return new Step(description, kernel, in, out);
    }

    private static int slot(Map<String, Integer> slots, List<Tensor> values, String name) {
        Integer s = slots.get(name);
        if (s != null) {
            return s;
        }
        slots.put(name, values.size());
        values.add(null);
        return values.size() - 1;
    }

    private static void checkOpset(ModelProto model, String source) {
        for (OperatorSetIdProto opset : model.getOpsetImportList()) {
            String domain = opset.getDomain();
            if (!domain.isEmpty() && !domain.equals("ai.onnx")) {
                boolean used = model.getGraph().getNodeList().stream().anyMatch(n -> n.getDomain().equals(domain));
                if (used) {
                    throw new ModelNotTrainableException(source + ": operators from domain '" + domain
                            + "' are not supported; the trainer implements the default ONNX domain only");
                }
            }
        }
    }

    /** Fails listing every unsupported op type (with node count and first node) at once. */
    private static void checkOps(GraphProto graph, String source) {
        Map<String, List<String>> unsupported = new TreeMap<>();
        for (NodeProto node : graph.getNodeList()) {
            boolean foreign = !node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx");
            if (foreign || OpRegistry.find(node.getOpType()) == null) {
                String key = foreign ? node.getDomain() + "::" + node.getOpType() : node.getOpType();
                unsupported.computeIfAbsent(key, k -> new ArrayList<>()).add(node.getName());
            }
        }
        if (!unsupported.isEmpty()) {
            List<String> parts = new ArrayList<>();
            unsupported.forEach((op, nodes) -> parts.add(op + " (" + nodes.size() + " node" + (nodes.size() == 1 ? "" : "s")
                    + ", first '" + nodes.get(0) + "')"));
            throw new ModelNotTrainableException(source + ": the trainer does not support operator"
                    + (parts.size() == 1 ? " " : "s ") + String.join(", ", parts) + "; supported: " + OpRegistry.supported());
        }
    }

    /** Trainable / buffer / constant, from how each initializer is used. */
    private static Map<String, ParameterStore.Kind> classify(GraphProto graph, Map<String, TensorProto> initializers) {
        Set<String> buffers = new HashSet<>();
        Set<String> trainable = new HashSet<>();
        for (NodeProto node : graph.getNodeList()) {
            OpSpec spec = OpRegistry.find(node.getOpType());
            for (int i = 0; i < node.getInputCount(); i++) {
                String in = node.getInput(i);
                if (!initializers.containsKey(in)) {
                    continue;
                }
                if (spec.bufferInputs().contains(i)) {
                    buffers.add(in);
                } else if (!spec.fixedInputs().contains(i)) {
                    trainable.add(in);
                }
            }
        }
        Map<String, ParameterStore.Kind> roles = new HashMap<>();
        for (TensorProto t : initializers.values()) {
            boolean isFloat = t.getDataType() == TensorProto.DataType.FLOAT.getNumber()
                    || t.getDataType() == TensorProto.DataType.DOUBLE.getNumber();
            if (!isFloat) {
                continue;
            }
            if (trainable.contains(t.getName())) {
                roles.put(t.getName(), ParameterStore.Kind.TRAINABLE);
            } else if (buffers.contains(t.getName())) {
                roles.put(t.getName(), ParameterStore.Kind.BUFFER);
            }
        }
        return roles;
    }

    /** Nodes whose kernels produce fewer outputs than declared must not have the rest consumed. */
    private static void checkUnusedExtraOutputs(GraphProto graph, String source) {
        Set<String> consumed = new HashSet<>();
        graph.getNodeList().forEach(n -> consumed.addAll(n.getInputList()));
        graph.getOutputList().forEach(o -> consumed.add(o.getName()));
        for (NodeProto node : graph.getNodeList()) {
            OpSpec spec = OpRegistry.find(node.getOpType());
            for (int i = spec.outputs(); i < node.getOutputCount(); i++) {
                String out = node.getOutput(i);
                if (!out.isEmpty() && consumed.contains(out)) {
                    throw new ModelNotTrainableException(source + ": node '" + node.getName() + "' (" + node.getOpType()
                            + ") output " + i + " ('" + out + "') is used, but the trainer computes only "
                            + spec.outputs() + " output(s) of " + node.getOpType());
                }
            }
        }
    }

}
