package org.blockbench.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.blockbench.BadInputException;

/** The stages of a job that can be skipped (their earlier results are then used). */
public enum Stage {
    EXPORT, ANALYZE, BENCH, TRAIN, LEADERBOARD;

    /** The stage's name, as {@code run --skip} takes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stage named {@code text}; an unknown name fails listing the valid ones. */
    public static Stage parse(String text) {
        return BadInputException.byName("step", text, values(), Stage::id);
    }

    /** Every stage's name, in job order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Stage::id).toList();
    }
}
