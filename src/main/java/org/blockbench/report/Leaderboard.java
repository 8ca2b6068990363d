package org.blockbench.report;

import java.util.List;

/**
 * Every dataset's leaderboard, with the settings that shaped them and notes on missing inputs.
 *
 * @param boards    one per dataset, by name
 * @param settings  alpha, targets, latency selection
 * @param inputs    where each input was read from
 * @param notes     what was missing or passed over
 */
public record Leaderboard(List<DatasetBoard> boards, LeaderboardSettings settings, Inputs inputs, List<String> notes) {

    public Leaderboard {
        boards = List.copyOf(boards);
        notes = List.copyOf(notes);
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
