package org.blockbench.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.FunctionProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.SparseTensorProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TrainingInfoProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation every user model passes before a runtime sees it: hand-built hostile or
 * malformed protos, each refused with one line that names the file, the place and the problem.
 */
class ModelValidatorTest {

    @TempDir
    Path dir;

    // ---- hand-built protos ----

    private static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    private static NodeProto node(String name, String op, List<String> in, List<String> out, AttributeProto... attrs) {
        return NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(in).addAllOutput(out)
                .addAllAttribute(List.of(attrs)).build();
    }

    private static AttributeProto ints(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long x : v) {
            a.addInts(x);
        }
        return a.build();
    }

    private static AttributeProto tensorAttr(String name, TensorProto t) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.TENSOR).setT(t).build();
    }

    private static TensorProto floats(String name, long[] dims, int count) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (int i = 0; i < count; i++) {
            t.addFloatData(1f);
        }
        return t.build();
    }

    private static TensorProto external(String location) {
        return TensorProto.newBuilder().setName("c").setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(4)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                .build();
    }

    /** x[1,3,8,8] → nodes → y, with extra initializers. */
    private static ModelProto model(ValueInfoProto input, List<NodeProto> nodes, TensorProto... initializers) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g").addInput(input).addAllNode(nodes)
                .addOutput(value("y")).addAllInitializer(List.of(initializers));
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("hand-built")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17)).setGraph(g).build();
    }

    private static ModelProto model(List<NodeProto> nodes, TensorProto... initializers) {
        return model(value("x", 1, 3, 8, 8), nodes, initializers);
    }

    /** y = Constant(value) + x. */
    private static ModelProto constantPlusX(TensorProto value) {
        return model(List.of(node("c", "Constant", List.of(), List.of("c"), tensorAttr("value", value)),
                node("add", "Add", List.of("x", "c"), List.of("y"))));
    }

    private String refusal(ModelProto model) {
        return refusal(model, dir);
    }

    private static String refusal(ModelProto model, Path directory) {
        OnnxModelException e = assertThrows(OnnxModelException.class,
                () -> ModelValidator.validate("m.onnx", directory, model));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("m.onnx: "), e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String expected, String message) {
        assertTrue(message.contains(expected), "expected '" + expected + "' in: " + message);
    }

    // ---- window attributes ----

    @Test
    void refusesZeroStridesNegativeDilationsAndNegativePads() {
        TensorProto w = floats("w", new long[] {4, 3, 3, 3}, 108);
        assertEquals("m.onnx: graph 'g' node 'conv' (Conv) attribute 'strides' is [0, 1], expected every value in [1, 65536]",
                refusal(model(List.of(node("conv", "Conv", List.of("x", "w"), List.of("y"), ints("strides", 0, 1))), w)));
        assertContains("node 'conv' (Conv) attribute 'dilations' is [1, -2], expected every value in [1, 65536]",
                refusal(model(List.of(node("conv", "Conv", List.of("x", "w"), List.of("y"), ints("dilations", 1, -2))), w)));
        assertContains("node 'pool' (MaxPool) attribute 'pads' is [0, -1, 0, 0], expected every value in [0, 65536]",
                refusal(model(List.of(node("pool", "MaxPool", List.of("x"), List.of("y"), ints("kernel_shape", 2, 2),
                        ints("pads", 0, -1, 0, 0))))));
        assertContains("node 'pool' (AveragePool) attribute 'kernel_shape' is [0, 2], expected every value in [1, 65536]",
                refusal(model(List.of(node("pool", "AveragePool", List.of("x"), List.of("y"), ints("kernel_shape", 0, 2))))));
        assertContains("node 'up' (ConvTranspose) attribute 'output_padding' is [-1, 0], expected every value in [0, 65536]",
                refusal(model(List.of(node("up", "ConvTranspose", List.of("x", "w"), List.of("y"),
                        ints("output_padding", -1, 0))), w)));
    }

    // ---- bounds, versions, functions, training_info ----

    @Test
    void refusesAStrideBeyondTheBound() {
        assertContains("node 'pool' (MaxPool) attribute 'strides' is [1000000000, 1], expected every value in [1, 65536]",
                refusal(model(List.of(node("pool", "MaxPool", List.of("x"), List.of("y"), ints("kernel_shape", 2, 2),
                        ints("strides", 1_000_000_000, 1))))));
        assertContains("node 'pool' (MaxPool) attribute 'pads' is [0, 65537, 0, 0], expected every value in [0, 65536]",
                refusal(model(List.of(node("pool", "MaxPool", List.of("x"), List.of("y"), ints("kernel_shape", 2, 2),
                        ints("pads", 0, 65537, 0, 0))))));
    }

    @Test
    void refusesIrVersionsAndOpsetsOutsideWhatOnnxRuntimeLoads() {
        ModelProto ok = model(List.of(node("r", "Relu", List.of("x"), List.of("y"))));
        ModelValidator.validate("m.onnx", dir, ok.toBuilder().setIrVersion(OnnxModelFile.MAX_IR_VERSION).build());
        assertEquals("m.onnx: ir_version is -5, expected 3 to 13 (the IR versions the bundled ONNX Runtime loads)",
                refusal(ok.toBuilder().setIrVersion(-5).build()));
        assertContains("ir_version is 99, expected 3 to 13", refusal(ok.toBuilder().setIrVersion(99).build()));
        assertEquals("m.onnx: opset_import of domain 'ai.onnx' is version -1, expected 1 to 26 (the opsets the bundled ONNX Runtime loads)",
                refusal(ok.toBuilder().setOpsetImport(0, OperatorSetIdProto.newBuilder().setDomain("").setVersion(-1)).build()));
        assertContains("opset_import of domain 'ai.onnx' is version 27, expected 1 to 26",
                refusal(ok.toBuilder().setOpsetImport(0, OperatorSetIdProto.newBuilder().setDomain("").setVersion(27)).build()));
        assertContains("opset_import of domain 'com.example' is version 0",
                refusal(ok.toBuilder().addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("com.example").setVersion(0)).build()));
    }

    /** y = local.F(x), the function's body given. */
    private static ModelProto withFunction(List<NodeProto> body, TensorProto... initializers) {
        ModelProto base = model(List.of(NodeProto.newBuilder().setName("call").setOpType("F").setDomain("local")
                .addInput("x").addOutput("y").build()), initializers);
        FunctionProto f = FunctionProto.newBuilder().setName("F").setDomain("local").addInput("fx").addOutput("fy")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17)).addAllNode(body).build();
        return base.toBuilder().addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("local").setVersion(1))
                .addFunctions(f).build();
    }

    @Test
    void refusesExternalDataInAFunctionBody() {
        ModelProto m = withFunction(List.of(node("c", "Constant", List.of(), List.of("c"),
                        tensorAttr("value", external("../../../../../../etc/passwd"))),
                node("add", "Add", List.of("fx", "c"), List.of("fy"))));
        assertEquals("m.onnx: function 'local:F' node 'c' (Constant) attribute 'value' uses external data at "
                + "'../../../../../../etc/passwd', which leaves the model's directory '" + dir.toAbsolutePath().normalize() + "'",
                refusal(m));
        assertContains("function 'local:F' node 'c' (Constant) attribute 'value' uses external data at '/etc/passwd', an absolute path",
                refusal(withFunction(List.of(node("c", "Constant", List.of(), List.of("c"), tensorAttr("value", external("/etc/passwd"))),
                        node("add", "Add", List.of("fx", "c"), List.of("fy"))))));
    }

    @Test
    void refusesAStrideZeroConvAndNegativePadsInAFunction() {
        TensorProto w = floats("w", new long[] {3, 3, 3, 3}, 81);
        ModelProto conv = withFunction(List.of(
                node("fw", "Constant", List.of(), List.of("fw"), tensorAttr("value", w)),
                node("conv", "Conv", List.of("fx", "fw"), List.of("fy"), ints("strides", 0, 1))));
        assertEquals("m.onnx: function 'local:F' node 'conv' (Conv) attribute 'strides' is [0, 1], expected every value in [1, 65536]",
                refusal(conv));
        assertContains("function 'local:F' node 'pool' (MaxPool) attribute 'pads' is [0, -1, 0, 0]",
                refusal(withFunction(List.of(node("pool", "MaxPool", List.of("fx"), List.of("fy"), ints("kernel_shape", 2, 2),
                        ints("pads", 0, -1, 0, 0))))));
        assertContains("function 'local:F' node 'r' (Relu) reads 'nowhere', which no function input or earlier node defines",
                refusal(withFunction(List.of(node("r", "Relu", List.of("nowhere"), List.of("fy"))))));
        assertContains("function 'local:F' attribute 'default' uses external data at '/etc/passwd'",
                refusal(withFunction(List.of(node("r", "Relu", List.of("fx"), List.of("fy")))).toBuilder()
                        .setFunctions(0, withFunction(List.of(node("r", "Relu", List.of("fx"), List.of("fy")))).getFunctions(0)
                                .toBuilder().addAttributeProto(tensorAttr("default", external("/etc/passwd")))).build()));
        ModelValidator.validate("m.onnx", dir, withFunction(List.of(node("r", "Relu", List.of("fx"), List.of("fy")))));
    }

    @Test
    void refusesExternalDataAndBadWindowsInTrainingInfo() {
        ModelProto ok = model(List.of(node("r", "Relu", List.of("x"), List.of("y"))));
        GraphProto algorithm = GraphProto.newBuilder().setName("step")
                .addNode(node("c", "Constant", List.of(), List.of("c"), tensorAttr("value", external("../../canary.data")))).build();
        assertContains("m.onnx: training_info 0 algorithm graph 'step' node 'c' (Constant) attribute 'value' uses external data at '../../canary.data', which leaves",
                refusal(ok.toBuilder().addTrainingInfo(TrainingInfoProto.newBuilder().setAlgorithm(algorithm)).build()));
        GraphProto init = GraphProto.newBuilder().setName("init")
                .addNode(node("conv", "Conv", List.of("a", "b"), List.of("o"), ints("strides", 1, 0))).build();
        assertContains("training_info 0 initialization graph 'init' node 'conv' (Conv) attribute 'strides' is [1, 0]",
                refusal(ok.toBuilder().addTrainingInfo(TrainingInfoProto.newBuilder().setInitialization(init)).build()));
    }

    @Test
    void refusesAttributesTheOperatorDoesNotDefineAtTheModelsOpset() {
        AttributeProto axis = AttributeProto.newBuilder().setName("axis").setType(AttributeType.INT).setI(1).build();
        assertEquals("m.onnx: graph 'g' node 'r' (Relu) attribute 'axis' is not an attribute of the operator"
                + " (Relu defines no attributes at opset 17); ONNX Runtime refuses the node",
                refusal(model(List.of(node("r", "Relu", List.of("x"), List.of("y"), axis)))));
        assertContains("node 'fc' (Gemm) attribute 'axis' is not an attribute of the operator (Gemm defines only"
                + " [alpha, beta, transA, transB] at opset 17)",
                refusal(model(List.of(node("fc", "Gemm", List.of("x", "w"), List.of("y"), axis)),
                        floats("w", new long[] {8, 8}, 64))));
        ModelProto pool = model(List.of(node("p", "AveragePool", List.of("x"), List.of("y"), ints("kernel_shape", 2, 2),
                ints("dilations", 2, 2))));
        assertContains("node 'p' (AveragePool) attribute 'dilations' is not an attribute of the operator"
                + " (AveragePool defines dilations only from opset 19, the model imports opset 17)", refusal(pool));
        ModelValidator.validate("m.onnx", dir, pool.toBuilder()
                .setOpsetImport(0, OperatorSetIdProto.newBuilder().setDomain("").setVersion(19)).build());
    }

    @Test
    void refusesAnUntypedGraphInput() {
        ModelProto m = model(ValueInfoProto.newBuilder().setName("x").build(),
                List.of(node("r", "Relu", List.of("x"), List.of("y"))));
        assertEquals("m.onnx: graph 'g' input 'x' declares no type; ONNX Runtime needs every input's element type"
                + " (re-export with the input's dtype)", refusal(m));
    }

    @Test
    void refusesAWindowAttributeOfTheWrongTypeNamingNodeAndAttribute() {
        AttributeProto strideInt = AttributeProto.newBuilder().setName("strides").setType(AttributeType.INT).setI(2).build();
        assertContains("m.onnx: graph 'g' node 'conv' (Conv): attribute 'strides' should be INTS, found INT",
                refusal(model(List.of(node("conv", "Conv", List.of("x", "w"), List.of("y"), strideInt)),
                        floats("w", new long[] {4, 3, 3, 3}, 108))));
    }

    // ---- sizes ----

    @Test
    void refusesDeclaredDimsBeyondTheBoundAndNegativeDims() {
        List<NodeProto> relu = List.of(node("r", "Relu", List.of("x"), List.of("y")));
        assertEquals("m.onnx: graph 'g' input 'x' declares shape [1, 3, 8, 1099511627776], more than 2147483647"
                + " elements (2^31 - 1, the largest tensor BlockBench accepts)",
                refusal(model(value("x", 1, 3, 8, 1L << 40), relu)));
        assertContains("input 'x' declares shape [1, 65536, 65536], more than 2147483647 elements",
                refusal(model(value("x", 1, 1 << 16, 1 << 16), relu)));
        assertContains("input 'x' declares shape [1, -3, 8, 8] with a negative dimension -3",
                refusal(model(value("x", 1, -3, 8, 8), relu)));
    }

    @Test
    void refusesInitializerDimsThatOverflowLong() {
        TensorProto huge = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(1L << 40).addDims(1L << 40).build();
        assertContains("initializer 'w' has shape [1099511627776, 1099511627776], more than 2147483647 elements",
                refusal(model(List.of(node("r", "Add", List.of("x", "w"), List.of("y"))), huge)));
    }

    // ---- payloads ----

    @Test
    void refusesPayloadsThatDoNotMatchTheirDims() {
        List<NodeProto> add = List.of(node("a", "Add", List.of("x", "w"), List.of("y")));
        assertEquals("m.onnx: graph 'g' initializer 'w' holds 3 values in float_data, its shape [2, 2] needs 4"
                + " (truncated file?)", refusal(model(add, floats("w", new long[] {2, 2}, 3))));
        TensorProto raw = TensorProto.newBuilder().setName("c").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(4).setRawData(ByteString.copyFrom(new byte[15])).build();
        assertContains("node 'c' (Constant) attribute 'value' holds 15 bytes of raw_data, its shape [4] and type"
                + " FLOAT need 16", refusal(constantPlusX(raw)));
        TensorProto longs = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(3).addInt64Data(1).build();
        assertContains("initializer 'w' holds 1 values in int64_data, its shape [3] needs 3",
                refusal(model(add, longs)));
        SparseTensorProto sparse = SparseTensorProto.newBuilder().addDims(2).addDims(2)
                .setValues(floats("s", new long[] {2}, 1))
                .setIndices(TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE).addDims(2)
                        .addInt64Data(0).addInt64Data(3))
                .build();
        ModelProto withSparse = model(add, floats("w", new long[] {1}, 1)).toBuilder()
                .setGraph(model(add, floats("w", new long[] {1}, 1)).getGraph().toBuilder().addSparseInitializer(sparse))
                .build();
        assertContains("sparse initializer 's' values holds 1 values in float_data, its shape [2] needs 2",
                refusal(withSparse));
    }

    // ---- structure ----

    @Test
    void refusesNodesWithoutInputsAndGraphsWithoutInputs() {
        assertEquals("m.onnx: graph 'g' node 'r' (Relu) has no inputs; the operator needs at least one",
                refusal(model(List.of(node("r", "Relu", List.of(), List.of("y"))))));
        assertContains("node 'r' (Relu) has no inputs",
                refusal(model(List.of(node("r", "Relu", List.of("", ""), List.of("y"))))));
        ModelProto noInputs = model(List.of(node("c", "Constant", List.of(), List.of("y"),
                tensorAttr("value", floats("v", new long[] {1}, 1))))).toBuilder()
                .setGraph(model(List.of()).getGraph().toBuilder().clearInput().clearNode()
                        .addNode(node("c", "Constant", List.of(), List.of("y"),
                                tensorAttr("value", floats("v", new long[] {1}, 1))))).build();
        assertEquals("m.onnx: graph 'g' declares no inputs; BlockBench feeds every model at least one input",
                refusal(noInputs));
    }

    @Test
    void messagesStayOneLineWhenANameHoldsALineBreak() {
        String m = refusal(model(List.of(node("evil\nname", "Relu", List.of(), List.of("y")))));
        assertContains("node 'evil\\nname' (Relu) has no inputs", m);
    }

    // ---- external data ----

    @Test
    void refusesConstantExternalDataThatLeavesTheDirectory() throws Exception {
        Path models = Files.createDirectories(dir.resolve("a/b/c/d"));
        assertEquals("m.onnx: graph 'g' node 'c' (Constant) attribute 'value' uses external data at"
                + " '../../../../etc/passwd', which leaves the model's directory '" + models + "'",
                refusal(constantPlusX(external("../../../../etc/passwd")), models));
    }

    @Test
    void refusesAbsoluteExternalDataLocations() {
        assertEquals("m.onnx: graph 'g' node 'c' (Constant) attribute 'value' uses external data at '/etc/passwd',"
                + " an absolute path; external data must lie in the model's directory",
                refusal(constantPlusX(external("/etc/passwd"))));
    }

    @Test
    void refusesExternalDataThroughASymlinkOutOfTheDirectory() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Path secret = Files.writeString(dir.resolve("secret.bin"), "0123456789abcdef");
        Files.createSymbolicLink(models.resolve("weights.bin"), secret);
        String m = refusal(constantPlusX(external("weights.bin")), models);
        assertContains("attribute 'value' uses external data at 'weights.bin', which leaves the model's directory '"
                + models + "' through a symbolic link to '" + secret.toRealPath() + "'", m);
    }

    @Test
    void refusesMissingAndContainedExternalData() throws Exception {
        assertContains("uses external data at 'none.bin', a file that does not exist",
                refusal(constantPlusX(external("none.bin"))));
        Files.write(dir.resolve("w.bin"), new byte[16]);
        assertContains("uses external data at 'w.bin'; BlockBench reads weights only from the model file itself",
                refusal(constantPlusX(external("w.bin"))));
        assertContains("but the model was not read from a file", refusal(constantPlusX(external("w.bin")), null));
    }

    @Test
    void refusesExternalDataInInitializersSparseTensorsAndSubgraphs() {
        List<NodeProto> add = List.of(node("a", "Add", List.of("x", "w"), List.of("y")));
        TensorProto w = external("/etc/passwd").toBuilder().setName("w").build();
        assertContains("graph 'g' initializer 'w' uses external data at '/etc/passwd', an absolute path",
                refusal(model(add, w)));

        GraphProto thenBranch = GraphProto.newBuilder().setName("then")
                .addNode(node("inner", "Constant", List.of(), List.of("t"), tensorAttr("value", external("../x.bin"))))
                .addOutput(value("t")).build();
        AttributeProto graphAttr = AttributeProto.newBuilder().setName("then_branch").setType(AttributeType.GRAPH)
                .setG(thenBranch).build();
        ModelProto withIf = model(List.of(node("if", "If", List.of("x"), List.of("y"), graphAttr)));
        assertContains("graph 'g' node 'if' (If) attribute 'then_branch' graph 'then' node 'inner' (Constant)"
                + " attribute 'value' uses external data at '../x.bin', which leaves the model's directory",
                refusal(withIf));

        AttributeProto sparseAttr = AttributeProto.newBuilder().setName("sparse_value")
                .setType(AttributeType.SPARSE_TENSOR).setSparseTensor(SparseTensorProto.newBuilder().addDims(4)
                        .setValues(external("/etc/shadow").toBuilder().clearDims().addDims(1))
                        .setIndices(TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE)
                                .addDims(1).addInt64Data(0)))
                .build();
        assertContains("node 'c' (Constant) attribute 'sparse_value' values uses external data at '/etc/shadow'",
                refusal(model(List.of(node("c", "Constant", List.of(), List.of("c"), sparseAttr),
                        node("a", "Add", List.of("x", "c"), List.of("y"))))));
    }

    @Test
    void readRefusesAConstantWithExternalDataNamingTheFile() throws Exception {
        Path models = Files.createDirectories(dir.resolve("m"));
        Path file = models.resolve("evil.onnx");
        Files.write(file, constantPlusX(external("../../../../etc/passwd")).toByteArray());
        OnnxModelException e = assertThrows(OnnxModelException.class, () -> OnnxModelFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": graph 'g' node 'c' (Constant) attribute 'value' uses external"
                + " data at '../../../../etc/passwd', which leaves the model's directory"), e.getMessage());
    }

    @Test
    void acceptsAWellFormedModel() {
        ModelValidator.validate("m.onnx", dir, model(List.of(node("conv", "Conv", List.of("x", "w"), List.of("y"),
                ints("strides", 1, 1), ints("pads", 1, 1, 1, 1))), floats("w", new long[] {4, 3, 3, 3}, 108)));
    }
}
