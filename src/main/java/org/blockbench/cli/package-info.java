/**
 * The {@code blockbench} command line: one picocli class per subcommand, and the single
 * place ({@link org.blockbench.cli.ExitCodes}) where exception types become exit codes, and the
 * single place ({@code ConsoleProgress}) where the console's form of progress is chosen.
 */
package org.blockbench.cli;
