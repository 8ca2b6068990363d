package org.blockbench.cli;

import picocli.CommandLine.Command;

/**
 * {@code blockbench verdict-check}: tools to measure how far the regression verdicts can be trusted
 * here (named apart from quant's {@code Calibrator}, which picks INT8 ranges). Its former name
 * {@code calibrate} works for one more release, with {@link BlockBench#FORMER_NAMES}' notice.
 */
@Command(name = "verdict-check", aliases = "calibrate", mixinStandardHelpOptions = true,
        description = "Checks the regression verdicts on this machine: models with known slowdowns, A/A false-alarm rate.",
        subcommands = {VerdictCheckModelsCommand.class, VerdictCheckAaCommand.class})
public final class VerdictCheckCommand {
}
