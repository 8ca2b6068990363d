package org.blockbench.zoo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.junit.jupiter.api.Test;

/** The GWO baseline networks' sizes and complexities, hand-computed from docs/protocol.md §GWO. */
class GwoNetworkTest {

    private static BuiltModel build(String variant) {
        return Zoo.build(new ModelId(variant, ModelId.GWO_NETWORK), Form.TRAIN, ScaffoldConfig.defaults());
    }

    @Test
    void standardConvNetwork() {
        BuiltModel m = build("StandardConv");
        // conv 3→16: 432+16; conv 16→32: 4608+32; 32→30→15→13→6: fc 1152→120, 120→84, 84→10
        long expected = 448 + 4640 + (1152 * 120 + 120) + (120 * 84 + 84) + (84 * 10 + 10);
        assertEquals(expected, m.trainableParams());
        assertEquals(6, m.descriptiveComplexity());
        assertEquals(0, m.dynamicParams());
    }

    @Test
    void deformableConvNetworkHasTheOffsetConvsAsItsDynamicPart() {
        BuiltModel m = build("DeformableConv");
        // offset convs: 3→18 (486+18) and 16→18 (2592+18) = 3114
        assertEquals(3114, m.dynamicParams());
        assertEquals(8, m.descriptiveComplexity());
        long deform = (3 * 16 * 9 + 16) + (16 * 32 * 9 + 32);
        long fc = (2048 * 120 + 120) + (120 * 84 + 84) + (84 * 10 + 10);
        assertEquals(3114 + deform + fc, m.trainableParams());
    }

    @Test
    void depthwiseConvNetwork() {
        BuiltModel m = build("DepthwiseConv");
        long layers = (3 * 9 + 3) + (3 * 16 + 16) + (16 * 9 + 16) + (16 * 32 + 32);
        long fc = (2048 * 120 + 120) + (120 * 84 + 84) + (84 * 10 + 10);
        assertEquals(layers + fc, m.trainableParams());
        assertEquals(8, m.descriptiveComplexity());
    }
}
