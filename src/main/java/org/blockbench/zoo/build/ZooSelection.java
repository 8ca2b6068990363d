package org.blockbench.zoo.build;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;

/**
 * Which zoo models a job covers, as {@code --blocks}, {@code --positions} and
 * {@code --[no-]gwo-network} say it: a null component was not given. Block names are checked
 * against the registry (and the block packs' names where packs are in play); an unknown one fails
 * with the list of valid names. With nothing given every block at every position, and the GWO
 * networks; {@code gwoNetwork} alone selects only the GWO networks.
 *
 * @param blocks     block names, or null for all
 * @param positions  position ids, or null for all
 * @param gwoNetwork whether the GWO networks are in, or null for the default (in when neither
 *                   blocks nor positions are given)
 */
public record ZooSelection(List<String> blocks, List<String> positions, Boolean gwoNetwork) {

    public ZooSelection {
        blocks = blocks == null ? null : blocks.stream().map(String::trim).toList();
        positions = positions == null ? null : List.copyOf(positions);
    }

    /** Every model: each block at each position, and the GWO networks. */
    public static ZooSelection all() {
        return new ZooSelection(null, null, null);
    }

    /** Whether any of the three was given (else every model is selected, users' files included). */
    public boolean narrowed() {
        return blocks != null || positions != null || gwoNetwork != null;
    }

    /** Whether only {@code --gwo-network} was given, which selects only the GWO networks. */
    public boolean gwoNetworksAlone() {
        return Boolean.TRUE.equals(gwoNetwork) && blocks == null && positions == null;
    }

    /** The selected models, in registry order. */
    public List<ModelId> models() {
        if (gwoNetworksAlone()) {
            return Zoo.models(List.of(), List.of(), true);
        }
        List<String> blockNames = blocks == null ? BlockRegistry.names()
                : blocks.stream().map(b -> BlockRegistry.get(b).name()).distinct().toList();
        boolean gwo = gwoNetwork != null ? gwoNetwork : blocks == null && positions == null;
        return Zoo.models(blockNames, positionList(), gwo);
    }

    /**
     * The selected zoo models when {@code packBlocks}, the block names of packs given to the same
     * job (or exported beside the zoo), are valid block names too: such a name selects no zoo model
     * (see {@link #packModels}); an unknown name fails listing the zoo's and the packs' names.
     */
    public List<ModelId> models(Collection<String> packBlocks) {
        if (blocks == null || packBlocks.isEmpty()) {
            return models();
        }
        List<String> zooBlocks = new ArrayList<>();
        for (String b : blocks) {
            if (packBlocks.contains(b)) {
                continue;
            }
            if (!BlockRegistry.names().contains(b)) {
                List<String> valid = new ArrayList<>(BlockRegistry.names());
                valid.addAll(packBlocks);
                throw BadInputException.unknown("block", b, valid);
            }
            zooBlocks.add(b);
        }
        boolean gwo = gwoNetwork != null && gwoNetwork;
        return Zoo.models(zooBlocks.stream().distinct().toList(), positionList(), gwo);
    }

    /**
     * The selected models of the packs whose blocks are {@code packBlocks}: a pack's block at each
     * selected position when {@code blocks} names it or is absent; none for the GWO networks alone.
     */
    public List<ModelId> packModels(Collection<String> packBlocks) {
        if (gwoNetworksAlone()) {
            return List.of();
        }
        List<ModelId> ids = new ArrayList<>();
        for (String pack : packBlocks) {
            if (blocks == null || blocks.contains(pack)) {
                positionList().forEach(p -> ids.add(new ModelId(pack, p.id())));
            }
        }
        return ids;
    }

    /** The selected positions (default all), for blocks outside the registry (block packs). */
    public List<Position> positionList() {
        return positions == null ? List.of(Position.values()) : positions.stream().map(Position::parse).distinct().toList();
    }

    /**
     * This selection with {@code packBlocks} added to the blocks (a pack given to {@code run} is
     * always run, as if named; with the GWO networks alone, the blocks are then the packs) and
     * {@code refused} dropped from them.
     */
    public ZooSelection withPacks(List<String> packBlocks, List<String> refused) {
        if (blocks == null && !(gwoNetworksAlone() && !packBlocks.isEmpty())) {
            return this;
        }
        List<String> b = new ArrayList<>(blocks == null ? List.of() : blocks);
        b.removeIf(refused::contains);
        packBlocks.stream().filter(p -> !b.contains(p)).forEach(b::add);
        return new ZooSelection(b, positions, gwoNetwork);
    }
}
