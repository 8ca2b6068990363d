/**
 * The {@code blockbench} command line: one picocli class per subcommand, and the single
 * place ({@link org.blockbench.cli.ExitCodes}) where exception types become exit codes.
 */
package org.blockbench.cli;
