package org.blockbench.zoo.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blockbench.BadInputException;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ScaffoldConfig;
import org.junit.jupiter.api.Test;

/** BlockZoo's size knobs (docs/protocol.md §Quick protocol): counts by hand, determinism, the full size unchanged. */
class ScaffoldSizeTest {

    private static final ScaffoldConfig QUICK = ScaffoldConfig.defaults().withSize(16, 1);

    @Test
    void resNetBasicBlockAtBase16OneBlockPerStageHasTheHandCountedParameters() {
        // stem: conv 3->16 3x3 + bias 432 + 16, BN 32                                  =    480
        // basic block (in, out): 3x3 in->out, BN, 3x3 out->out, BN, 1x1 in->out shortcut, BN
        //   A (16->16): 2,304 + 32 + 2,304 + 32 + 256 + 32                             =  4,960
        //   B (16->32): 4,608 + 64 + 9,216 + 64 + 512 + 64                             = 14,528
        //   C (32->64): 18,432 + 128 + 36,864 + 128 + 2,048 + 128                      = 57,728
        // head: Linear 64->10, 640 + 10                                                 =    650
        for (Position p : Position.values()) {
            BuiltModel m = Zoo.build(new ModelId("ResNetBasicBlock", p.id()), Form.TRAIN, QUICK);
            assertEquals(480 + 4_960 + 14_528 + 57_728 + 650, m.trainableParams(), p.id());
        }
    }

    @Test
    void twoBlocksPerStageAddTheStageWidthBlocks() {
        // each stage gains one (w->w) basic block: 9w²·2 + w² + 6w for w = 16, 32, 64
        long extra = 0;
        for (int w : new int[] {16, 32, 64}) {
            extra += 19L * w * w + 6L * w;
        }
        BuiltModel m = Zoo.build(new ModelId("ResNetBasicBlock", "mid"), Form.TRAIN, ScaffoldConfig.defaults().withSize(16, 2));
        assertEquals(78_346 + extra, m.trainableParams());
    }

    @Test
    void theFullSizeIsThePublishedScaffoldByteForByte() {
        ModelId id = new ModelId("MobileOneBlock", "mid");
        ScaffoldConfig full = ScaffoldConfig.defaults();
        assertTrue(full.isFullSize());
        assertArrayEquals(Zoo.build(id, Form.TRAIN, full).model().toByteArray(),
                Zoo.build(id, Form.TRAIN, full.withSize(64, 3)).model().toByteArray());
        assertEquals(4_505_866, Zoo.build(new ModelId("ResNetBasicBlock", "early"), Form.TRAIN, full).trainableParams());
        assertTrue(Zoo.build(id, Form.TRAIN, full).model().getMetadataPropsList().stream()
                .noneMatch(p -> p.getKey().equals("blockbench.base_channels")));
    }

    @Test
    void reducedModelsAreDeterministicAndSayTheirSize() {
        ModelId id = new ModelId("GhostBottleneckV3", "late");
        byte[] a = Zoo.build(id, Form.TRAIN, QUICK.withSeed(7)).model().toByteArray();
        assertArrayEquals(a, Zoo.build(id, Form.TRAIN, QUICK.withSeed(7)).model().toByteArray());
        assertFalse(java.util.Arrays.equals(a, Zoo.build(id, Form.TRAIN, QUICK.withSeed(8)).model().toByteArray()));
        var props = Zoo.build(id, Form.DEPLOY, QUICK).model().getMetadataPropsList();
        assertTrue(props.stream().anyMatch(p -> p.getKey().equals("blockbench.base_channels") && p.getValue().equals("16")));
        assertTrue(props.stream().anyMatch(p -> p.getKey().equals("blockbench.blocks_per_stage") && p.getValue().equals("1")));
    }

    @Test
    void everyBlockBuildsAtTheQuickSize() {
        for (ModelId id : Zoo.allModels()) {
            assertTrue(Zoo.build(id, Form.DEPLOY, QUICK).trainableParams() > 0, id.toString());
        }
    }

    @Test
    void knobsOutsideTheirRangeAreRefused() {
        assertThrows(BadInputException.class, () -> ScaffoldConfig.defaults().withSize(10, 1));
        assertThrows(BadInputException.class, () -> ScaffoldConfig.defaults().withSize(0, 1));
        assertThrows(BadInputException.class, () -> ScaffoldConfig.defaults().withSize(16, 0));
    }
}
