package org.blockbench.gwo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GWO paper's published baseline scores, reproduced from the declared C_D of our GWO
 * networks and the dynamic parameters counted in the built ONNX graphs (docs/protocol.md §GWO).
 */
class GwoReproductionTest {

    @ParameterizedTest(name = "{0}: acc {1} -> Omega {3}, score {4}, tier {5}")
    @CsvSource({
        "StandardConv,   69.31, 0,    6.00,  990.14, B",
        "DeformableConv, 69.45, 3114, 8.003, 771.40, C",
        "DepthwiseConv,  61.35, 0,    8.00,  681.67, C",
    })
    void publishedBaselines(String block, double accuracy, long expectedDynamic, double omega, double score, String tier) {
        BuiltModel net = Zoo.build(new ModelId(block, ModelId.GWO_NETWORK), Form.TRAIN, ScaffoldConfig.defaults());
        // C_P measured twice: from the builder's parameter map and from the ONNX graph's initializers
        long fromGraph = DynamicParameterCount.total(net.model(), net.gwo(), block);
        assertEquals(expectedDynamic, net.dynamicParams());
        assertEquals(expectedDynamic, fromGraph);

        GwoComplexity c = new GwoComplexity(net.descriptiveComplexity(), fromGraph);
        GwoScore s = GwoScore.of(c, accuracy, GwoComplexity.DEFAULT_ALPHA);
        assertEquals(omega, s.omega(), 0.0005, "Omega printed to the published precision");
        assertEquals(score, s.score(), 0.005, "score to two decimals");
        assertEquals(GwoTier.valueOf(tier), s.tier());
    }
}
