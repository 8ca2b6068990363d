package org.blockbench.zoo.build;

import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;

/** --blocks, --positions and --[no-]gwo-network as every command reads them, block packs included. */
class ZooSelectionTest {

    private static final List<ModelId> GWO = Zoo.models(List.of(), List.of(), true);

    @Test
    void nothingGivenIsEveryModelAndGwoAloneOnlyTheNetworks() {
        assertFalse(ZooSelection.all().narrowed());
        assertEquals(Zoo.allModels(), ZooSelection.all().models());
        ZooSelection gwo = new ZooSelection(null, null, true);
        assertTrue(gwo.gwoNetworksAlone());
        assertEquals(GWO, gwo.models());
        assertEquals(List.of(), gwo.packModels(List.of("P1")));
    }

    @Test
    void blocksAndPositionsNarrowAndLeaveTheNetworksOut() {
        ZooSelection s = new ZooSelection(List.of(" StandardConv"), List.of("early", "late"), null);
        assertEquals(List.of(new ModelId("StandardConv", "early"), new ModelId("StandardConv", "late")), s.models());
        assertEquals(List.of(Position.EARLY, Position.LATE), s.positionList());
    }

    @Test
    void packBlocksSelectPackModelsAndAnUnknownNameListsZooAndPacks() {
        ZooSelection s = new ZooSelection(List.of("StandardConv", "P1"), List.of("mid"), null);
        assertEquals(List.of(new ModelId("StandardConv", "mid")), s.models(List.of("P1", "P2")));
        assertEquals(List.of(new ModelId("P1", "mid")), s.packModels(List.of("P1", "P2")));
        BadInputException e = assertThrows(BadInputException.class,
                () -> new ZooSelection(List.of("Nope"), null, null).models(List.of("P1")));
        assertTrue(e.getMessage().startsWith("unknown block 'Nope', expected one of [") && e.getMessage().endsWith(", P1]"),
                e.getMessage());
    }

    @Test
    void packsGivenToAJobJoinTheBlocksAndRefusedOnesLeave() {
        ZooSelection s = new ZooSelection(List.of("StandardConv", "Bad"), List.of("early"), null);
        assertEquals(new ZooSelection(List.of("StandardConv", "P1"), List.of("early"), null), s.withPacks(List.of("P1"), List.of("Bad")));
        assertEquals(new ZooSelection(List.of("P1"), null, true), new ZooSelection(null, null, true).withPacks(List.of("P1"), List.of()));
        assertEquals(ZooSelection.all(), ZooSelection.all().withPacks(List.of("P1"), List.of()));
    }
}
