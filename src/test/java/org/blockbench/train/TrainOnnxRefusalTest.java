package org.blockbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.blockbench.cli.BlockBench;
import org.blockbench.cli.ExitCodes;
import org.blockbench.onnx.OnnxModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way {@code train --onnx} used to end in exit 70 with a stack trace after training (the
 * fuzz campaign's 8 of 40: LibTorch trained the graph, then ONNX Runtime refused it in the
 * parity check) is now exit 2, one line, before the first epoch: no checkpoint, no run.json.
 */
class TrainOnnxRefusalTest {

    @TempDir
    Path dir;

    private static ModelProto tiny() {
        return TinyNet.build(10, 5).toBuilder().setProducerName("pytorch").build();
    }

    private static NodeProto.Builder node(ModelProto.Builder m, String opType) {
        return m.getGraphBuilder().getNodeBuilderList().stream().filter(n -> n.getOpType().equals(opType)).findFirst()
                .orElseThrow();
    }

    private static AttributeProto axis() {
        return AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1).build();
    }

    /** Runs {@code train --onnx} on the mutated tiny net; asserts exit 2 in one line before any epoch; returns the line. */
    private String refused(String name, UnaryOperator<ModelProto.Builder> mutation) {
        Path file = dir.resolve(name + ".onnx");
        OnnxModelFile.write(file, mutation.apply(tiny().toBuilder()).build());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = BlockBench.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path outDir = dir.resolve("out");
        int code = cli.execute("train", "-q", "--onnx", file.toString(), "--epochs", "1", "--train-size", "64",
                "--val-size", "40", "--out", outDir.toString());
        String message = err.toString().strip();
        assertEquals(ExitCodes.BAD_INPUT, code, name + ": " + message);
        assertEquals(1, message.lines().count(), message);
        assertFalse(message.contains("\tat "), message);
        Path run = outDir.resolve(org.blockbench.model.ModelRef.file(file).directory() + "/blockzoo-synthetic/seed-0");
        assertFalse(Files.exists(run.resolve("checkpoint")), "no epoch ran: " + name);
        assertFalse(Files.exists(run.resolve("run.json")), name);
        return message;
    }

    @Test
    void irVersionAndOpsetOutOfRange() {
        assertTrue(refused("ir99", m -> m.setIrVersion(99)).contains("ir_version is 99, expected 3 to 13"));
        assertTrue(refused("opset-1", m -> m.setOpsetImport(0, OperatorSetIdProto.newBuilder().setDomain("").setVersion(-1)))
                .contains("opset_import of domain 'ai.onnx' is version -1"));
    }

    @Test
    void untypedAndRankZeroInputs() {
        assertTrue(refused("untyped", m -> {
            m.getGraphBuilder().setInput(0, ValueInfoProto.newBuilder().setName("input"));
            return m;
        }).contains("input 'input' declares no type"));
        assertTrue(refused("rank0", m -> {
            m.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().clearShape()
                    .setShape(TensorShapeProto.newBuilder());
            return m;
        }).contains("input 'input' has rank 0; the trainer feeds float32 images [N, C, H, W]"));
    }

    @Test
    void attributesTheOperatorDoesNotDefine() {
        assertTrue(refused("gemm-axis", m -> {
            node(m, "Gemm").addAttribute(axis());
            return m;
        }).contains("(Gemm) attribute 'axis' is not an attribute of the operator"));
        assertTrue(refused("relu-axis", m -> {
            node(m, "Relu").addAttribute(axis());
            return m;
        }).contains("(Relu) attribute 'axis' is not an attribute of the operator"));
        assertTrue(refused("avgpool-dilations", m -> {
            // the global pool as an AveragePool over the whole 32x32 map (after two stride-1 convs), with dilations
            NodeProto.Builder pool = node(m, "GlobalAveragePool").setOpType("AveragePool")
                    .addAttribute(org.blockbench.analysis.RawGraph.is("kernel_shape", 32, 32))
                    .addAttribute(org.blockbench.analysis.RawGraph.is("dilations", 1, 1));
            assertEquals("AveragePool", pool.getOpType());
            return m;
        }).contains("(AveragePool) attribute 'dilations' is not an attribute of the operator"
                + " (AveragePool defines dilations only from opset 19, the model imports opset 17)"));
    }

    @Test
    void aFixedBatchThatTrainingWouldChange() {
        String message = refused("batch1", m -> {
            m.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
                    .setDim(0, TensorShapeProto.Dimension.newBuilder().setDimValue(1));
            return m;
        });
        assertTrue(message.contains("input 'input' has a fixed batch of 1; training and the ONNX Runtime check feed other"
                + " batch sizes, re-export with a dynamic batch axis"), message);
    }
}
