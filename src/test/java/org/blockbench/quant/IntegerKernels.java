package org.blockbench.quant;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.SessionSettings;

/**
 * What ONNX Runtime actually runs for an INT8 variant: the graph its CPU provider optimised
 * (all levels), read back from the optimised-model file, so that "INT8" is never FP32 wrapped in
 * Q/DQ. A Conv counts as integer when the optimised graph has a QLinearConv or ConvInteger for it.
 *
 * @param quantizedConvs Conv nodes of the variant whose weight is dequantized int8
 * @param integerConvs   QLinearConv and ConvInteger nodes (any domain) in the optimised graph
 * @param floatConvs     Conv and FusedConv nodes still float in the optimised graph
 * @param optimizedOps   op type (domain-qualified outside the default domain) → count in the optimised graph
 */
public record IntegerKernels(int quantizedConvs, int integerConvs, int floatConvs, Map<String, Integer> optimizedOps) {

    private static final Set<String> INTEGER_CONV = Set.of("QLinearConv", "ConvInteger");
    private static final Set<String> FLOAT_CONV = Set.of("Conv", "FusedConv");

    /** Optimises {@code int8} in ONNX Runtime (CPU, one thread), writing the result under {@code scratch}. */
    public static IntegerKernels of(ModelProto int8, Path scratch) {
        Path file = scratch.resolve("optimized-" + Integer.toHexString(int8.hashCode()) + ".onnx");
        SessionSettings settings = SessionSettings.cpu(1, OptimizationLevel.ALL).withOptimizedModelFile(file);
        try {
            try (InferenceSession ignored = InferenceSession.load("INT8 variant '" + int8.getGraph().getName() + "'",
                    int8.toByteArray(), ModelOrigin.BLOCKBENCH, settings)) {
                // creating the session wrote the optimised graph
            }
            ModelProto optimized = ModelProto.parseFrom(Files.readAllBytes(file));
            Map<String, Integer> ops = new TreeMap<>();
            int integer = 0;
            int fp = 0;
            for (NodeProto n : optimized.getGraph().getNodeList()) {
                ops.merge(n.getDomain().isEmpty() ? n.getOpType() : n.getDomain() + ":" + n.getOpType(), 1, Integer::sum);
                integer += INTEGER_CONV.contains(n.getOpType()) ? 1 : 0;
                fp += FLOAT_CONV.contains(n.getOpType()) ? 1 : 0;
            }
            return new IntegerKernels(quantizedConvs(int8), integer, fp, ops);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("ONNX Runtime's optimised graph " + file + " does not parse", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read ONNX Runtime's optimised graph " + file, e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a scratch file; the caller's directory is temporary
            }
        }
    }

    /** Conv nodes whose weight input is produced by a DequantizeLinear. */
    static int quantizedConvs(ModelProto model) {
        Set<String> dequantized = new java.util.HashSet<>();
        int n = 0;
        for (NodeProto node : model.getGraph().getNodeList()) {
            if (node.getOpType().equals("DequantizeLinear")) {
                dequantized.add(node.getOutput(0));
            } else if (node.getOpType().equals("Conv") && node.getInputCount() > 1 && dequantized.contains(node.getInput(1))) {
                n++;
            }
        }
        return n;
    }
}
