package org.blockbench.report;

/** One output format of a leaderboard: the whole file's bytes. */
@FunctionalInterface
public interface LeaderboardFormat {
    byte[] render(Leaderboard leaderboard);
}
