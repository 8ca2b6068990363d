package org.blockbench.cli;

import picocli.CommandLine.Command;

/** {@code blockbench calibrate}: tools to measure how far the regression verdicts can be trusted here. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Calibrates the regression checker on this machine: slowdown models, A/A false-alarm rate.",
        subcommands = {CalibrateModelsCommand.class, CalibrateAaCommand.class})
public final class CalibrateCommand {
}
