package org.blockbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Test support: runs {@code blockbench ARGS} in-process, capturing stdout and stderr. */
final class CliRunner {

    private CliRunner() {
    }

    /** Executes the command line; returns its exit code. */
    static int execute(StringWriter out, StringWriter err, String... args) {
        var cli = BlockBench.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
