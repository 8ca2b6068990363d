/**
 * Text that goes where names must not change its shape: Markdown escaping shared by every
 * Markdown report (leaderboard, comparison, trend index), and one-line messages for the
 * terminal ({@link org.blockbench.text.OneLine}, used by {@code cli.ExitCodes} and every
 * "FAILED" line). HTML escaping stays with the one HTML report; CSV cells with
 * {@code report.CsvTable}.
 */
package org.blockbench.text;
