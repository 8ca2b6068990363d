package org.blockbench.zoo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.zoo.block.DeformableConv;
import org.blockbench.zoo.block.DepthwiseConv;
import org.blockbench.zoo.block.EdgeResidual;
import org.blockbench.zoo.block.GhostBottleneckV3;
import org.blockbench.zoo.block.InvertedResidual;
import org.blockbench.zoo.block.MBConvLNBlock;
import org.blockbench.zoo.block.MobileOneBlock;
import org.blockbench.zoo.block.RepMixer;
import org.blockbench.zoo.block.ReparamLargeKernelConv;
import org.blockbench.zoo.block.ResNetBasicBlock;
import org.blockbench.zoo.block.ResNetBottleneck;
import org.blockbench.zoo.block.SelfAttention;
import org.blockbench.zoo.block.StandardConv;
import org.blockbench.zoo.block.UniversalInvertedBottleneck;

/** The single list of blocks, in catalogue order (docs/protocol.md §Blocks). */
public final class BlockRegistry {

    private static final Map<String, Block> BLOCKS = new LinkedHashMap<>();

    static {
        for (Block b : List.of(new ResNetBasicBlock(), new ResNetBottleneck(), new InvertedResidual(),
                new UniversalInvertedBottleneck(), new EdgeResidual(), new GhostBottleneckV3(), new MBConvLNBlock(),
                new MobileOneBlock(), new ReparamLargeKernelConv(), new RepMixer(), new StandardConv(),
                new DeformableConv(), new DepthwiseConv(), new SelfAttention())) {
            BLOCKS.put(b.name(), b);
        }
    }

    private BlockRegistry() {
    }

    public static List<Block> all() {
        return List.copyOf(BLOCKS.values());
    }

    public static List<String> names() {
        return List.copyOf(BLOCKS.keySet());
    }

    /** The block of that exact name; an unknown name lists the valid ones. */
    public static Block get(String name) {
        Block b = BLOCKS.get(name.trim());
        if (b == null) {
            throw BadInputException.unknown("block", name, names());
        }
        return b;
    }
}
