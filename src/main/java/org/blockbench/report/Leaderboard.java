package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.List;
import java.util.Map;

/**
 * Every dataset's leaderboard, with the settings that shaped them and notes on missing inputs.
 *
 * @param boards    one per dataset, by name
 * @param settings  alpha, targets, latency selection
 * @param inputs    where each input was read from
 * @param notes     what was missing or passed over
 * @param timeByOpType per model, ONNX Runtime's kernel time by operator type (from {@code overhead --breakdown}), if measured
 */
public record Leaderboard(List<DatasetBoard> boards, LeaderboardSettings settings, Inputs inputs, List<String> notes,
                          Map<ModelRef, OpTimeShares> timeByOpType) {

    public Leaderboard {
        boards = List.copyOf(boards);
        notes = List.copyOf(notes);
        timeByOpType = Map.copyOf(timeByOpType);
    }

    /** A leaderboard without time breakdowns. */
    public Leaderboard(List<DatasetBoard> boards, LeaderboardSettings settings, Inputs inputs, List<String> notes) {
        this(boards, settings, inputs, notes, Map.of());
    }

    /** This leaderboard with the time breakdowns read from {@code overhead} reports, and their notes. */
    public Leaderboard withTimeByOpType(Map<ModelRef, OpTimeShares> shares, List<String> moreNotes) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(moreNotes);
        return new Leaderboard(boards, settings, inputs, all, shares);
    }

    /**
     * Where the inputs came from, as given.
     *
     * @param manifest   onnx-models/manifest.json
     * @param analysis   the static analysis file
     * @param jmhResults the JMH results directory
     * @param training   the training results directory
     */
    public record Inputs(String manifest, String analysis, String jmhResults, String training) {
    }
}
