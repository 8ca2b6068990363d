/**
 * Text that goes where names must not change its shape, and the one home of escaping:
 * Markdown escaping shared by every Markdown report (leaderboard, comparison, trend index),
 * HTML escaping ({@link org.blockbench.text.HtmlText}, the leaderboard's page and the HTML inside
 * Markdown), and one-line messages for the terminal ({@link org.blockbench.text.OneLine}, used
 * by {@code cli.ExitCodes} and every "FAILED" line). CSV cells are typed by
 * {@code report.CsvTable}.
 */
package org.blockbench.text;
