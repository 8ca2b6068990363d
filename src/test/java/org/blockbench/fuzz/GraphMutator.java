package org.blockbench.fuzz;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.FunctionProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TrainingInfoProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.blockbench.analysis.RawGraph;

/**
 * Structured mutations of an ONNX graph on its protobuf: hostile attribute values, hostile
 * dims, dropped node inputs, short tensor data, external data pointing out of the model's
 * directory (initializers, {@code Constant} values, subgraphs), names holding newlines or
 * spreadsheet formulas, swapped op types; a node moved into a model-local function whose body
 * then gets a hostile window attribute or a Constant with escaping external data; a
 * {@code training_info} whose graphs hold either. Each applied mutation is logged in words.
 */
final class GraphMutator {

    /**
     * Where external data may point to escape the model directory: relative ({@code ../../../../x}),
     * absolute, or a symbolic link in the model's directory; each of them reaches one of the canaries.
     */
    record Escapes(List<String> locations) {
    }

    /** The mutated graph, and whether it now references external data outside its directory. */
    record Mutated(ModelProto model, boolean escapes) {
    }

    static final long[] HOSTILE = {-1, -2, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, 1L << 31, 1L << 32, 1L << 40,
        Long.MAX_VALUE, Long.MIN_VALUE, 65_536};
    private static final Set<String> WINDOW_ATTRIBUTES = Set.of("strides", "pads", "dilations", "kernel_shape", "group",
            "axis", "transB", "ceil_mode", "allowzero");
    private static final String[] HOSTILE_NAMES = {"line\nbreak", "=1+1", "+SUM(A1:A9)", "@cmd", "-2+3", "tab\tand\r\nCRLF",
        "", "名前", "a,b;\"c\""};
    private static final String[] OP_TYPES = {"Conv", "MaxPool", "AveragePool", "Gemm", "MatMul", "Reshape", "Concat",
        "Gather", "Relu", "Add", "Einsum", "BatchNormalization", "Flatten", "Celu", "NoSuchOp", "", "Loop", "Resize"};

    private GraphMutator() {
    }

    /** Applies 1–3 structured mutations. */
    static Mutated mutate(ModelProto model, Escapes escapes, SplittableRandom r, List<String> log) {
        ModelProto.Builder m = model.toBuilder();
        boolean escaping = false;
        int rounds = new int[] {1, 1, 1, 1, 1, 2, 2, 2, 3, 3}[r.nextInt(10)];
        for (int i = 0; i < rounds; i++) {
            escaping |= once(m, escapes, r, log);
        }
        return new Mutated(m.build(), escaping);
    }

    private static boolean once(ModelProto.Builder m, Escapes escapes, SplittableRandom r, List<String> log) {
        GraphProto.Builder g = m.getGraphBuilder();
        switch (r.nextInt(16)) {
            case 14 -> {
                return function(m, escapes, r, log);
            }
            case 15 -> {
                return trainingInfo(m, escapes, r, log);
            }
            case 12 -> negativePads(g, r, log);
            case 13 -> hugeInputWidth(g, log);
            case 0, 1 -> hostileAttribute(g, r, log);
            case 2, 3 -> hostileDim(g, r, log);
            case 4 -> dropInputs(g, r, log);
            case 5 -> shortData(g, r, log);
            case 6, 7 -> {
                return externalData(g, escapes, r, log);
            }
            case 8 -> rename(g, r, log);
            case 9 -> swapOp(g, r, log);
            case 10 -> {
                long v = HOSTILE[r.nextInt(HOSTILE.length)];
                if (r.nextBoolean() && m.getOpsetImportCount() > 0) {
                    m.getOpsetImportBuilder(0).setVersion(v);
                    log.add("graph: opset version " + v);
                } else {
                    m.setIrVersion(v);
                    log.add("graph: ir_version " + v);
                }
            }
            default -> selfLoop(g, r, log);
        }
        return false;
    }

    /** Window attribute values the validator must refuse in a function body or training graph as in the main graph. */
    private static final long[][] HOSTILE_WINDOWS = {{0, 1}, {1_000_000_000, 1}, {-1, 1}, {Long.MAX_VALUE, 1}};

    /**
     * Moves one node into a model-local function {@code local:F<n>} (the node's inputs and outputs
     * become the function's) called from where the node was; then, half the time, gives a
     * window attribute of the body a hostile value, or adds a Constant with external data to it.
     */
    private static boolean function(ModelProto.Builder m, Escapes escapes, SplittableRandom r, List<String> log) {
        GraphProto.Builder g = m.getGraphBuilder();
        if (g.getNodeCount() == 0) {
            log.add("function: no node to wrap");
            return false;
        }
        List<Integer> windows = new ArrayList<>();
        for (int i = 0; i < g.getNodeCount(); i++) {
            if (Set.of("Conv", "MaxPool", "AveragePool").contains(g.getNode(i).getOpType())) {
                windows.add(i);
            }
        }
        int at = !windows.isEmpty() && r.nextBoolean() ? windows.get(r.nextInt(windows.size())) : r.nextInt(g.getNodeCount());
        NodeProto original = g.getNode(at);
        String name = "F" + m.getFunctionsCount();
        NodeProto.Builder body = original.toBuilder().clearInput().clearOutput();
        FunctionProto.Builder f = FunctionProto.newBuilder().setName(name).setDomain("local")
                .addOpsetImport(m.getOpsetImportCount() > 0 ? m.getOpsetImport(0)
                        : ai.onnx.proto.OnnxMl.OperatorSetIdProto.newBuilder().setVersion(17).build());
        for (int i = 0; i < original.getInputCount(); i++) {
            f.addInput("in" + i);
            body.addInput(original.getInput(i).isEmpty() ? "" : "in" + i);
        }
        for (int i = 0; i < original.getOutputCount(); i++) {
            f.addOutput("out" + i);
            body.addOutput("out" + i);
        }
        g.setNode(at, NodeProto.newBuilder().setName(original.getName() + "/call").setOpType(name).setDomain("local")
                .addAllInput(original.getInputList()).addAllOutput(original.getOutputList()));
        if (m.getOpsetImportList().stream().noneMatch(o -> o.getDomain().equals("local"))) {
            m.addOpsetImport(ai.onnx.proto.OnnxMl.OperatorSetIdProto.newBuilder().setDomain("local").setVersion(1));
        }
        String what = "function: " + original.getName() + " (" + original.getOpType() + ") moved into local:" + name;
        boolean escaping = false;
        switch (r.nextInt(4)) {
            case 0 -> what += hostileWindow(body, r);
            case 1 -> {
                String location = escapes.locations().get(r.nextInt(escapes.locations().size()));
                TensorProto.Builder value = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(1);
                external(value, location);
                f.addNode(TorchStyleGraphs.constant("/F/Constant", "/F/c", value.build()));
                what += ", its body with a Constant whose external data -> " + location;
                escaping = true;
            }
            default -> {
            }
        }
        f.addNode(body);
        m.addFunctions(f);
        log.add(what);
        return escaping;
    }

    /** Sets a window attribute of {@code node} (added if missing) to a hostile value; returns the words for the log. */
    private static String hostileWindow(NodeProto.Builder node, SplittableRandom r) {
        String name = new String[] {"strides", "pads", "dilations", "kernel_shape"}[r.nextInt(4)];
        long[] v = HOSTILE_WINDOWS[r.nextInt(HOSTILE_WINDOWS.length)];
        // pads may be 0; their hostile values are negative or huge
        long[] values = name.equals("pads") ? new long[] {v[0] == 0 ? -1 : v[0], 0, 0, 0} : v;
        node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .ifPresent(a -> node.removeAttribute(node.getAttributeList().indexOf(a)));
        node.addAttribute(RawGraph.is(name, values));
        return ", its body's " + name + " = " + java.util.Arrays.toString(values);
    }

    /**
     * Adds a {@code training_info} whose algorithm (or initialization) graph holds a Conv with a
     * hostile window attribute or a Constant with external data.
     */
    private static boolean trainingInfo(ModelProto.Builder m, Escapes escapes, SplittableRandom r, List<String> log) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("training");
        boolean escaping = r.nextBoolean();
        String what;
        if (escaping) {
            String location = escapes.locations().get(r.nextInt(escapes.locations().size()));
            TensorProto.Builder value = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(1);
            external(value, location);
            graph.addNode(TorchStyleGraphs.constant("/train/Constant", "/train/c", value.build()));
            what = "a Constant whose external data -> " + location;
        } else {
            NodeProto.Builder conv = NodeProto.newBuilder().setName("/train/Conv").setOpType("Conv")
                    .addInput("/train/x").addInput("/train/w").addOutput("/train/y");
            what = "a Conv" + hostileWindow(conv, r).replace(", its body's", " with");
            graph.addNode(conv);
        }
        boolean algorithm = r.nextBoolean();
        TrainingInfoProto.Builder info = TrainingInfoProto.newBuilder();
        if (algorithm) {
            info.setAlgorithm(graph);
        } else {
            info.setInitialization(graph);
        }
        m.addTrainingInfo(info);
        log.add("training_info: " + (algorithm ? "algorithm" : "initialization") + " graph with " + what);
        return escaping;
    }

    private static void hostileAttribute(GraphProto.Builder g, SplittableRandom r, List<String> log) {
        List<int[]> candidates = new ArrayList<>();
        for (int n = 0; n < g.getNodeCount(); n++) {
            for (int a = 0; a < g.getNode(n).getAttributeCount(); a++) {
                if (WINDOW_ATTRIBUTES.contains(g.getNode(n).getAttribute(a).getName())) {
                    candidates.add(new int[] {n, a});
                }
            }
        }
        if (candidates.isEmpty()) {
            log.add("attribute: none to mutate");
            return;
        }
        int[] c = candidates.get(r.nextInt(candidates.size()));
        NodeProto.Builder node = g.getNodeBuilder(c[0]);
        AttributeProto.Builder a = node.getAttributeBuilder(c[1]);
        // pads get -1 half the time: negative pads on Conv/MaxPool are the known native crash
        long v = a.getName().equals("pads") && r.nextBoolean() ? -1 : HOSTILE[r.nextInt(HOSTILE.length)];
        if (a.getType() == AttributeProto.AttributeType.INTS && a.getIntsCount() > 0) {
            int at = r.nextInt(a.getIntsCount());
            if (r.nextInt(4) == 0) {
                a.clearInts().addInts(v);
                log.add("attribute: " + node.getName() + "." + a.getName() + " = [" + v + "] (wrong length)");
            } else {
                a.setInts(at, v);
                log.add("attribute: " + node.getName() + "." + a.getName() + "[" + at + "] = " + v);
            }
        } else {
            a.setI(v);
            log.add("attribute: " + node.getName() + "." + a.getName() + " = " + v);
        }
    }

    /** Negative pads on a Conv or pooling node: the known native crash of ONNX Runtime's kernels. */
    private static void negativePads(GraphProto.Builder g, SplittableRandom r, List<String> log) {
        List<NodeProto.Builder> windows = g.getNodeBuilderList().stream()
                .filter(n -> Set.of("Conv", "MaxPool", "AveragePool").contains(n.getOpType())).toList();
        if (windows.isEmpty()) {
            log.add("pads: no Conv or pooling node");
            return;
        }
        NodeProto.Builder n = windows.get(r.nextInt(windows.size()));
        long[] pads = new long[][] {{-1, -1, -1, -1}, {0, 0, -2, -2}, {-5, 0, 0, 0}, {-1000, -1000, -1000, -1000}}[r.nextInt(4)];
        n.getAttributeList().stream().filter(a -> a.getName().equals("pads")).findFirst().ifPresent(a ->
                n.removeAttribute(n.getAttributeList().indexOf(a)));
        n.addAttribute(RawGraph.is("pads", pads));
        log.add("pads: " + n.getName() + " (" + n.getOpType() + ") pads = " + java.util.Arrays.toString(pads));
    }

    /** The image input 2^40 wide: sizes derived from it overflow int, and a loader that allocates by it never returns. */
    private static void hugeInputWidth(GraphProto.Builder g, List<String> log) {
        TensorShapeProto.Builder shape = g.getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
        if (shape.getDimCount() < 4) {
            log.add("dims: input has no width");
            return;
        }
        shape.getDimBuilder(3).clearDimParam().setDimValue(1L << 40);
        log.add("dims: " + g.getInput(0).getName() + " width = 2^40");
    }

    private static void hostileDim(GraphProto.Builder g, SplittableRandom r, List<String> log) {
        long v = r.nextInt(3) == 0 ? 1L << 40 : HOSTILE[r.nextInt(HOSTILE.length)];
        int where = r.nextInt(4);
        if (where == 0 && g.getInitializerCount() > 0) {
            TensorProto.Builder t = g.getInitializerBuilder(r.nextInt(g.getInitializerCount()));
            if (t.getDimsCount() > 0) {
                int d = r.nextInt(t.getDimsCount());
                t.setDims(d, v);
                log.add("dims: initializer " + t.getName() + " dim " + d + " = " + v);
                return;
            }
        }
        List<ValueInfoProto.Builder> values = new ArrayList<>();
        values.addAll(g.getInputBuilderList());
        values.addAll(g.getOutputBuilderList());
        values.addAll(g.getValueInfoBuilderList());
        ValueInfoProto.Builder vi = values.get(where == 1 ? values.size() - 1 : r.nextInt(values.size()));
        TensorShapeProto.Builder shape = vi.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
        if (shape.getDimCount() == 0) {
            shape.addDimBuilder().setDimValue(v);
            log.add("dims: " + vi.getName() + " gets dim " + v);
            return;
        }
        int d = r.nextInt(shape.getDimCount());
        shape.getDimBuilder(d).setDimValue(v);
        log.add("dims: " + vi.getName() + " dim " + d + " = " + v);
    }

    private static void dropInputs(GraphProto.Builder g, SplittableRandom r, List<String> log) {
        NodeProto.Builder n = g.getNodeBuilder(r.nextInt(g.getNodeCount()));
        if (r.nextBoolean() || n.getInputCount() < 2) {
            n.clearInput();
            log.add("inputs: node " + n.getName() + " (" + n.getOpType() + ") has no inputs");
        } else {
            int i = r.nextInt(n.getInputCount());
            List<String> in = new ArrayList<>(n.getInputList());
            String dropped = in.remove(i);
            n.clearInput().addAllInput(in);
            log.add("inputs: node " + n.getName() + " drops input " + i + " '" + dropped + "'");
        }
    }

    private static void shortData(GraphProto.Builder g, SplittableRandom r, List<String> log) {
        TensorProto.Builder t = anyTensor(g, r);
        if (t == null) {
            log.add("data: no tensor to shorten");
            return;
        }
        if (t.getFloatDataCount() > 0) {
            int keep = r.nextInt(t.getFloatDataCount());
            List<Float> kept = new ArrayList<>(t.getFloatDataList().subList(0, keep));
            t.clearFloatData().addAllFloatData(kept);
            log.add("data: " + t.getName() + " float_data truncated to " + keep);
        } else if (t.getInt64DataCount() > 0) {
            t.clearInt64Data();
            log.add("data: " + t.getName() + " int64_data emptied");
        } else if (!t.getRawData().isEmpty()) {
            int keep = r.nextInt(t.getRawData().size());
            t.setRawData(t.getRawData().substring(0, keep));
            log.add("data: " + t.getName() + " raw_data truncated to " + keep + " bytes");
        } else {
            t.addFloatData(1f);
            log.add("data: " + t.getName() + " gains a stray float");
        }
    }

    /** Points a tensor's data at the canary: an initializer, a Constant's value, or a Constant in a new subgraph. */
    private static boolean externalData(GraphProto.Builder g, Escapes escapes, SplittableRandom r, List<String> log) {
        String location = escapes.locations().get(r.nextInt(escapes.locations().size()));
        int where = r.nextInt(3);
        if (where == 0 && g.getInitializerCount() > 0) {
            TensorProto.Builder t = g.getInitializerBuilder(r.nextInt(g.getInitializerCount()));
            external(t, location);
            log.add("external data: initializer " + t.getName() + " -> " + location);
            return true;
        }
        if (where == 1) {
            for (NodeProto.Builder n : g.getNodeBuilderList()) {
                if (n.getOpType().equals("Constant") && n.getAttributeCount() > 0 && n.getAttribute(0).hasT()) {
                    external(n.getAttributeBuilder(0).getTBuilder(), location);
                    log.add("external data: Constant " + n.getName() + " value -> " + location);
                    return true;
                }
            }
        }
        // a subgraph: If(cond) whose branches each hold a Constant with external data; its output is a graph output
        TensorProto.Builder value = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(1);
        external(value, location);
        GraphProto branch = GraphProto.newBuilder().setName("branch")
                .addNode(TorchStyleGraphs.constant("/If/then/Constant", "/If/branch_out", value.build()))
                .addOutput(ValueInfoProto.newBuilder().setName("/If/branch_out").setType(
                        TorchStyleGraphs.value("x").getType().toBuilder().setTensorType(
                                TorchStyleGraphs.value("x").getType().getTensorType().toBuilder().clearShape())))
                .build();
        TensorProto cond = TensorProto.newBuilder().setDataType(TensorProto.DataType.BOOL_VALUE).addInt32Data(1).build();
        g.addNode(TorchStyleGraphs.constant("/If/Constant", "/If/cond", cond));
        g.addNode(NodeProto.newBuilder().setName("/If").setOpType("If").addInput("/If/cond").addOutput("/If/out")
                .addAttribute(AttributeProto.newBuilder().setName("then_branch").setType(AttributeProto.AttributeType.GRAPH)
                        .setG(branch))
                .addAttribute(AttributeProto.newBuilder().setName("else_branch").setType(AttributeProto.AttributeType.GRAPH)
                        .setG(branch)));
        g.addOutput(ValueInfoProto.newBuilder().setName("/If/out").setType(branch.getOutput(0).getType()));
        log.add("external data: Constant in an If subgraph -> " + location);
        return true;
    }

    private static void external(TensorProto.Builder t, String location) {
        long elements = 1;
        for (long d : t.getDimsList()) {
            elements *= Math.max(d, 1);
        }
        long bytes = elements * (t.getDataType() == TensorProto.DataType.INT64_VALUE ? 8 : 4);
        t.clearFloatData().clearInt64Data().clearInt32Data().clearRawData().clearExternalData()
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue("0"))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue(Long.toString(bytes)));
    }

    private static void rename(GraphProto.Builder g, SplittableRandom r, List<String> log) {
        String name = HOSTILE_NAMES[r.nextInt(HOSTILE_NAMES.length)];
        if (r.nextBoolean()) {
            NodeProto.Builder n = g.getNodeBuilder(r.nextInt(g.getNodeCount()));
            log.add("rename: node " + n.getName() + " -> " + quoted(name));
            n.setName(name);
            return;
        }
        // rename a value everywhere it appears, so the graph stays connected
        String old = g.getInput(0).getName();
        if (r.nextBoolean() && g.getNodeCount() > 1) {
            NodeProto.Builder n = g.getNodeBuilder(r.nextInt(g.getNodeCount()));
            if (n.getOutputCount() > 0) {
                old = n.getOutput(0);
            }
        }
        for (ValueInfoProto.Builder v : g.getInputBuilderList()) {
            if (v.getName().equals(old)) {
                v.setName(name);
            }
        }
        for (ValueInfoProto.Builder v : g.getOutputBuilderList()) {
            if (v.getName().equals(old)) {
                v.setName(name);
            }
        }
        for (NodeProto.Builder n : g.getNodeBuilderList()) {
            for (int i = 0; i < n.getInputCount(); i++) {
                if (n.getInput(i).equals(old)) {
                    n.setInput(i, name);
                }
            }
            for (int i = 0; i < n.getOutputCount(); i++) {
                if (n.getOutput(i).equals(old)) {
                    n.setOutput(i, name);
                }
            }
        }
        log.add("rename: value " + old + " -> " + quoted(name));
    }

    private static void swapOp(GraphProto.Builder g, SplittableRandom r, List<String> log) {
        NodeProto.Builder n = g.getNodeBuilder(r.nextInt(g.getNodeCount()));
        String op = OP_TYPES[r.nextInt(OP_TYPES.length)];
        log.add("op type: " + n.getName() + " " + n.getOpType() + " -> " + quoted(op));
        n.setOpType(op);
    }

    private static void selfLoop(GraphProto.Builder g, SplittableRandom r, List<String> log) {
        NodeProto.Builder n = g.getNodeBuilder(r.nextInt(g.getNodeCount()));
        if (n.getInputCount() == 0 || n.getOutputCount() == 0) {
            log.add("cycle: node " + n.getName() + " has no input to loop");
            return;
        }
        n.setInput(0, n.getOutput(0));
        log.add("cycle: node " + n.getName() + " reads its own output");
    }

    private static TensorProto.Builder anyTensor(GraphProto.Builder g, SplittableRandom r) {
        List<TensorProto.Builder> tensors = new ArrayList<>(g.getInitializerBuilderList());
        for (NodeProto.Builder n : g.getNodeBuilderList()) {
            if (n.getOpType().equals("Constant") && n.getAttributeCount() > 0 && n.getAttribute(0).hasT()) {
                tensors.add(n.getAttributeBuilder(0).getTBuilder());
            }
        }
        return tensors.isEmpty() ? null : tensors.get(r.nextInt(tensors.size()));
    }

    static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
    }
}
