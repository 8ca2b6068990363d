/**
 * Text that goes into a format other tools render: Markdown escaping shared by every
 * Markdown report (leaderboard, comparison, trend index). HTML escaping stays with the one
 * HTML report; CSV cells with {@code report.CsvTable}.
 */
package org.blockbench.text;
