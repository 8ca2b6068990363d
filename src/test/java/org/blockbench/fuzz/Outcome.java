package org.blockbench.fuzz;

/**
 * What a target did with a case: the exit code the CLI returned (or, for the API targets, the
 * code the CLI's one exception-to-exit-code mapping gives the exception thrown), and everything
 * it printed.
 *
 * @param exitCode  0, 1, 2, 3 or 70 as the CLI would exit
 * @param stdout    standard output (picocli's writer and System.out)
 * @param stderr    error output (picocli's writer and System.err)
 * @param thrown    the class of the exception that ended the call, or "" when none did
 * @param millis    how long the call took
 */
public record Outcome(int exitCode, String stdout, String stderr, String thrown, long millis) {
}
