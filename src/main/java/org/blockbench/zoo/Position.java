package org.blockbench.zoo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.blockbench.BadInputException;

/** Where in the scaffold the block under test sits: the stage built from it (docs/protocol.md §Scaffold). */
public enum Position {
    EARLY("stageA"), MID("stageB"), LATE("stageC");

    private final String stage;

    Position(String stage) {
        this.stage = stage;
    }

    /** The scaffold stage this position replaces. */
    public String stage() {
        return stage;
    }

    /** Lower-case name used in paths and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Position::id).toList();
    }

    /** Parses "early" / "mid" / "late"; anything else lists the valid names. */
    public static Position parse(String id) {
        return BadInputException.byName("position", id, values(), Position::id);
    }
}
