package org.blockbench.report;

import org.blockbench.gwo.GwoComplexity;

/**
 * What shapes a leaderboard besides its inputs.
 *
 * @param alpha   weight of C_P in Ω = C_D + α·C_P
 * @param targets the event targets and compliance limits
 * @param latency which benchmark config is the latency column
 */
public record LeaderboardSettings(double alpha, Targets targets, LatencySelection latency) {

    public static LeaderboardSettings defaults() {
        return new LeaderboardSettings(GwoComplexity.DEFAULT_ALPHA, Targets.defaults(), LatencySelection.defaults());
    }
}
