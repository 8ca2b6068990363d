package org.blockbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.regress.SlowdownModelSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code blockbench verdict-check models}: writes the base conv net and wider and deeper variants of it. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Writes the regression-calibration conv net (base.onnx) and variants with one conv "
                + "widened by W channels (wider-wW.onnx) or D small convs added (deeper-dD.onnx), plus models.md "
                + "listing each variant's MACs and extra compute. Use them with 'blockbench ab' to inject a known "
                + "slowdown."})
public final class VerdictCheckModelsCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "onnx-models/regress-calibration",
            description = "Directory to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--extra-channels", split = ",", defaultValue = "4,8,16,32",
            description = "Extra output channels of the widened conv, one variant each (default: ${DEFAULT-VALUE}; "
                    + "16 adds 9.9 %% MACs).")
    List<Integer> extraChannels;

    @Option(names = "--extra-layers", split = ",", defaultValue = "1,2",
            description = "Extra 3x3 convs at 8x8 after the body, one variant each (default: ${DEFAULT-VALUE}; "
                    + "each adds 2.48 %% MACs).")
    List<Integer> extraLayers;

    @Override
    public Integer call() {
        extraChannels.forEach(w -> positive("--extra-channels", w));
        extraLayers.forEach(d -> positive("--extra-layers", d));
        SlowdownModelSet.Result result = SlowdownModelSet.write(new SlowdownModelSet.Request(out, extraChannels, extraLayers));
        result.models().forEach(m -> System.out.println("wrote " + m));
        System.out.print(result.markdown());
        return ExitCodes.OK;
    }

    private static void positive(String option, int value) {
        if (value <= 0) {
            throw new BadInputException(option + " must be positive integers, found " + value);
        }
    }
}
