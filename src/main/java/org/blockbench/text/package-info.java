/**
 * What BlockBench writes for people, in one place each: text that keeps its shape whatever a
 * name holds, with the one home of every escaping (Markdown for every Markdown report,
 * {@link org.blockbench.text.HtmlText} for the leaderboard's page and the HTML inside Markdown,
 * {@link org.blockbench.text.OneLine} for one-line messages on the terminal, used by
 * {@code cli.ExitCodes} and every "FAILED" line); numbers as text
 * ({@link org.blockbench.text.NumberText}); and the progress of a long task
 * ({@link org.blockbench.text.Progress}: the interface services report through, with its forms, a
 * bar for a terminal and plain lines for anywhere else; the command line picks the form). CSV
 * cells are typed by {@code report.CsvTable}.
 */
package org.blockbench.text;
