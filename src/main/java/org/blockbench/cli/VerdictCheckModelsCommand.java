package org.blockbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.io.AtomicFile;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.regress.SlowdownModels;
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

    /** One model to write: extra channels in the widened conv, extra small convs. */
    private record Variant(String file, int channels, int layers) {
    }

    @Override
    public Integer call() {
        List<Variant> variants = new ArrayList<>(List.of(new Variant("base.onnx", 0, 0)));
        for (int w : extraChannels) {
            variants.add(new Variant("wider-w" + positive("--extra-channels", w) + ".onnx", w, 0));
        }
        for (int d : extraLayers) {
            variants.add(new Variant("deeper-d" + positive("--extra-layers", d) + ".onnx", 0, d));
        }
        StringBuilder table = new StringBuilder("| file | extra channels | extra layers | MACs (batch 1) | extra compute |\n"
                + "|---|---:|---:|---:|---:|\n");
        for (Variant v : variants) {
            OnnxModelFile.write(out.resolve(v.file()), SlowdownModels.build(v.channels(), v.layers()));
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %,d | %+.2f %% |%n", v.file(), v.channels(),
                    v.layers(), SlowdownModels.macs(v.channels(), v.layers()),
                    100 * SlowdownModels.extraComputeFraction(v.channels(), v.layers())));
            System.out.println("wrote " + out.resolve(v.file()));
        }
        AtomicFile.writeString(out.resolve("models.md"), table.toString());
        System.out.print(table);
        return ExitCodes.OK;
    }

    private static int positive(String option, int value) {
        if (value <= 0) {
            throw new BadInputException(option + " must be positive integers, found " + value);
        }
        return value;
    }
}
