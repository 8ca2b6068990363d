package org.blockbench.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.zoo.build.BlockRegistry;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.build.Zoo;
import picocli.CommandLine.Option;

/**
 * The shared picocli mixin that picks zoo models: {@code --blocks}, {@code --positions},
 * {@code --[no-]gwo-network}. Names are checked against the registry; an unknown one fails
 * with the list of valid names.
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

    /** The selected models, in registry order; {@code --gwo-network} alone selects only the GWO networks. */
    public List<ModelId> models() {
        if (Boolean.TRUE.equals(gwoNetwork) && blocks == null && positions == null) {
            return Zoo.models(List.of(), List.of(), true);
        }
        List<String> blockNames = blocks == null ? BlockRegistry.names()
                : blocks.stream().map(b -> BlockRegistry.get(b).name()).distinct().toList();
        List<Position> pos = positions();
        boolean gwo = gwoNetwork != null ? gwoNetwork : blocks == null && positions == null;
        return Zoo.models(blockNames, pos, gwo);
    }

    /**
     * The selected zoo models when {@code packBlocks}, the block names of packs given on the same
     * command line (or exported beside the zoo), are valid {@code --blocks} too: such a name selects
     * no zoo model (see {@link #packModels}); an unknown name fails listing the zoo's and the packs' names.
     */
    public List<ModelId> models(Collection<String> packBlocks) {
        if (blocks == null || packBlocks.isEmpty()) {
            return models();
        }
        List<String> zooBlocks = new ArrayList<>();
        for (String b : blocks) {
            if (packBlocks.contains(b.trim())) {
                continue;
            }
            if (!BlockRegistry.names().contains(b.trim())) {
                List<String> valid = new ArrayList<>(BlockRegistry.names());
                valid.addAll(packBlocks);
                throw BadInputException.unknown("block", b, valid);
            }
            zooBlocks.add(b.trim());
        }
        boolean gwo = gwoNetwork != null && gwoNetwork;
        return Zoo.models(zooBlocks.stream().distinct().toList(), positions(), gwo);
    }

    /**
     * The selected models of the packs whose blocks are {@code packBlocks}: a pack's block at each of
     * {@code --positions} when {@code --blocks} names it or is absent; none for {@code --gwo-network} alone.
     */
    public List<ModelId> packModels(Collection<String> packBlocks) {
        if (Boolean.TRUE.equals(gwoNetwork) && blocks == null && positions == null) {
            return List.of();
        }
        List<ModelId> ids = new ArrayList<>();
        for (String pack : packBlocks) {
            if (blocks == null || blocks.stream().anyMatch(b -> b.trim().equals(pack))) {
                positions().forEach(p -> ids.add(new ModelId(pack, p.id())));
            }
        }
        return ids;
    }

    /** The selected positions ({@code --positions}, default all), for blocks outside the registry (block packs). */
    public List<Position> positions() {
        return positions == null ? List.of(Position.values()) : positions.stream().map(Position::parse).distinct().toList();
    }

    /** Block names for picocli's help text. */
    static final class BlockNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BlockRegistry.names().iterator();
        }
    }
}
