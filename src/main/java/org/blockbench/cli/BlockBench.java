package org.blockbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code blockbench <command>}: the entry point of the executable jar. */
@Command(name = "blockbench", mixinStandardHelpOptions = true, version = "blockbench 0.1.0",
        description = "Benchmarks neural-network building blocks as ONNX graphs: latency, cost, accuracy, complexity.",
        subcommands = {CommandLine.HelpCommand.class, RunCommand.class, ExportCommand.class, AnalyzeCommand.class,
            BenchCommand.class, MergeCommand.class, OverheadCommand.class, TrainCommand.class, FidelityCommand.class, TrainBenchCommand.class,
            LeaderboardCommand.class, CompareCommand.class, AbCommand.class, VerdictCheckCommand.class})
public final class BlockBench {

    /** Commands renamed in this release (former name → name): the former still runs, with a one-line notice. */
    static final java.util.Map<String, String> FORMER_NAMES = java.util.Map.of("calibrate", "verdict-check");

    public static void main(String[] args) {
        org.blockbench.ort.OrtNatives.initialize();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        ExitCodes exitCodes = new ExitCodes();
        return new CommandLine(new BlockBench())
                .setExecutionStrategy(parsed -> {
                    String given = parsed.originalArgs().isEmpty() ? "" : parsed.originalArgs().get(0);
                    if (FORMER_NAMES.containsKey(given)) {
                        OldSpelling.notice(parsed.commandSpec(), given, FORMER_NAMES.get(given));
                    }
                    return new CommandLine.RunLast().execute(parsed);
                })
                .setExecutionExceptionHandler(exitCodes)
                .setExitCodeExceptionMapper(exitCodes)
                .setParameterExceptionHandler(exitCodes);
    }
}
