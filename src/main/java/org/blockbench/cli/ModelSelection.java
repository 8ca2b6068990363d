package org.blockbench.cli;

import java.util.List;
import org.blockbench.zoo.build.BlockRegistry;
import org.blockbench.zoo.build.ZooSelection;
import picocli.CommandLine.Option;

/**
 * The shared picocli mixin that picks zoo models: {@code --blocks}, {@code --positions},
 * {@code --[no-]gwo-network}, read into a {@link ZooSelection}.
 */
public final class ModelSelection {

    @Option(names = "--blocks", split = ",", paramLabel = "BLOCK",
            description = "Blocks, comma-separated (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = BlockNames.class)
    List<String> blocks;

    @Option(names = "--positions", split = ",", paramLabel = "POSITION",
            description = "Scaffold positions, comma-separated: early, mid, late (default: all)")
    List<String> positions;

    @Option(names = "--gwo-network", negatable = true,
            description = "Include the GWO baseline networks (default: only when no --blocks/--positions are given; "
                    + "alone, selects only them)")
    Boolean gwoNetwork;

    /** The selection these options give. */
    public ZooSelection selection() {
        return new ZooSelection(blocks, positions, gwoNetwork);
    }

    /** Block names for picocli's help text. */
    static final class BlockNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BlockRegistry.names().iterator();
        }
    }
}
