package org.blockbench.zoo.build;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.blockbench.BadInputException;
import org.blockbench.text.OneLine;
import org.blockbench.zoo.Block;
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

/**
 * The single list of blocks: the zoo's, in catalogue order (docs/protocol.md §Blocks), then the
 * blocks users put on the class path as {@link Block} services ({@link ServiceLoader},
 * docs/own-block.md §Java), in the loader's order. A service block whose name clashes (ignoring
 * case) with a zoo block or another service block is refused: every use of the registry then
 * fails with one line naming both, so that no command measures the wrong block under a known name.
 */
public final class BlockRegistry {

    private static final Map<String, Block> BLOCKS = new LinkedHashMap<>();
    private static final BadInputException CLASH;

    static {
        for (Block b : List.of(new ResNetBasicBlock(), new ResNetBottleneck(), new InvertedResidual(),
                new UniversalInvertedBottleneck(), new EdgeResidual(), new GhostBottleneckV3(), new MBConvLNBlock(),
                new MobileOneBlock(), new ReparamLargeKernelConv(), new RepMixer(), new StandardConv(),
                new DeformableConv(), new DepthwiseConv(), new SelfAttention())) {
            BLOCKS.put(b.name(), b);
        }
        BadInputException clash = null;
        try {
            BLOCKS.putAll(discover(BlockRegistry.class.getClassLoader(), BLOCKS.keySet()));
        } catch (BadInputException e) {
            clash = e;
        }
        CLASH = clash;
    }

    /**
     * The {@link Block} services {@code loader} finds, by name, refusing a name that clashes,
     * ignoring case, with one of {@code taken} or with another service block.
     */
    static Map<String, Block> discover(ClassLoader loader, Collection<String> taken) {
        Map<String, Block> found = new LinkedHashMap<>();
        Map<String, String> lower = new HashMap<>();
        taken.forEach(n -> lower.put(n.toLowerCase(Locale.ROOT), "the zoo's block '" + n + "'"));
        try {
            for (Block b : ServiceLoader.load(Block.class, loader)) {
                String name = b.name();
                String owner = "block '" + name + "' of " + b.getClass().getName();
                String other = lower.putIfAbsent(name.toLowerCase(Locale.ROOT), owner);
                if (other != null) {
                    throw new BadInputException(owner + " (a Block service on the class path) clashes with " + other
                            + "; rename it");
                }
                found.put(name, b);
            }
        } catch (ServiceConfigurationError e) {
            throw new BadInputException("a Block service on the class path cannot be loaded: "
                    + OneLine.of(String.valueOf(e.getMessage())), e);
        }
        return found;
    }

    private BlockRegistry() {
    }

    private static void checkServices() {
        if (CLASH != null) {
            throw new BadInputException(CLASH.getMessage(), CLASH);
        }
    }

    public static List<Block> all() {
        checkServices();
        return List.copyOf(BLOCKS.values());
    }

    public static List<String> names() {
        checkServices();
        return List.copyOf(BLOCKS.keySet());
    }

    /** The block of that exact name; an unknown name lists the valid ones. */
    public static Block get(String name) {
        checkServices();
        Block b = BLOCKS.get(name.trim());
        if (b == null) {
            throw BadInputException.unknown("block", name, names());
        }
        return b;
    }
}
