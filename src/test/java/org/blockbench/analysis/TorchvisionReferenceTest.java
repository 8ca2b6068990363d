package org.blockbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Map;
import org.blockbench.analysis.bench.TorchvisionResNet;
import org.blockbench.analysis.shape.OrtShapeOracle;
import org.junit.jupiter.api.Test;

/**
 * torchvision architectures written as PyTorch exports them, at 1×3×224×224: MACs equal
 * torchvision's published figures exactly, and parameters equal sum(p.numel()).
 */
class TorchvisionReferenceTest {

    private static final Map<String, long[]> INPUT = Map.of("input", new long[] {1, 3, 224, 224});

    @Test
    void resnet18MatchesTorchvision() {
        GraphAnalysis a = GraphAnalyzer.analyze(TorchvisionResNet.resnet18(TorchvisionResNet.FlattenStyle.FLATTEN, 0),
                "resnet18", INPUT);
        assertTrue(a.complete(), a.incompleteReasons().toString());
        assertEquals(1_814_073_344L, a.macs());
        assertEquals(11_689_512L, a.params().elements());
        // running mean + var of the 20 BNs: 2 * (64 + 4*64 + 4*128+128 + 4*256+256 + 4*512+512) = 9,600
        assertEquals(9_600L, a.params().bufferElements());
        assertEquals(11_689_512L * 4, a.memory().parameterBytes());
    }

    @Test
    void mobilenetV2MatchesTorchvision() {
        GraphAnalysis a = GraphAnalyzer.analyze(TorchvisionMobileNetV2.build(), "mobilenet_v2", INPUT);
        assertTrue(a.complete(), a.incompleteReasons().toString());
        assertEquals(300_774_272L, a.macs());
        assertEquals(3_504_872L, a.params().elements());
        // Clip bounds are constants (Constant nodes), not parameters
        assertEquals(0L, a.params().constantElements());
    }

    @Test
    void resnet50HasTorchvisionParameterCount() {
        GraphAnalysis a = GraphAnalyzer.analyze(TorchvisionResNet.resnet50(0), "resnet50", INPUT);
        assertEquals(25_557_032L, a.params().elements());
        // torchvision publishes 4.09 "GFLOPS" (MACs) for resnet50; convs + fc give exactly 4,089,184,256
        assertEquals(4_089_184_256L, a.macs());
    }

    @Test
    void pytorchViewFlattenIsFoldedAndRunsLikeOrt() {
        ModelProto view = TorchvisionResNet.resnet18(TorchvisionResNet.FlattenStyle.VIEW, 0);
        GraphAnalysis a = GraphAnalyzer.analyze(view, "resnet18-view", Map.of("input", new long[] {2, 3, 224, 224}));
        assertTrue(a.complete(), a.incompleteReasons().toString());
        assertEquals(2 * 1_814_073_344L, a.macs());
        NodeCost reshape = a.nodes().stream().filter(n -> n.opType().equals("Reshape")).findFirst().orElseThrow();
        assertEquals(java.util.List.of(2L, 512L), java.util.Arrays.stream(reshape.outputs().get(0).shape()).boxed().toList());
        // the folded shape computation is not activation memory
        NodeCost shape = a.nodes().stream().filter(n -> n.opType().equals("Shape")).findFirst().orElseThrow();
        assertEquals(0L, shape.outputBytes());
        OrtShapeOracle.assertShapesMatchOrt(view, Map.of("input", new long[] {2, 3, 224, 224}));
    }
}
