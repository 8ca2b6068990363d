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

/** {@code blockbench calibrate models}: writes the base conv net and wider variants of it. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Writes the regression-calibration conv net (base.onnx) and variants with one conv "
                + "widened by W channels (wider-wW.onnx), plus models.md listing each variant's MACs and "
                + "extra compute. Use them with 'blockbench ab' to inject a known slowdown."})
public final class CalibrateModelsCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "onnx-models/regress-calibration",
            description = "Directory to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--extra-channels", split = ",", defaultValue = "4,8,16,32",
            description = "Extra output channels of the widened conv, one variant each (default: ${DEFAULT-VALUE}; "
                    + "16 adds 9.9 %% MACs).")
    List<Integer> extraChannels;

    @Override
    public Integer call() {
        List<Integer> widths = new ArrayList<>();
        widths.add(0);
        for (int w : extraChannels) {
            if (w <= 0) {
                throw new BadInputException("--extra-channels must be positive integers, found " + w);
            }
            widths.add(w);
        }
        StringBuilder table = new StringBuilder("| file | extra channels | MACs (batch 1) | extra compute |\n|---|---:|---:|---:|\n");
        for (int w : widths) {
            String name = w == 0 ? "base.onnx" : "wider-w" + w + ".onnx";
            OnnxModelFile.write(out.resolve(name), SlowdownModels.build(w));
            table.append(String.format(Locale.ROOT, "| %s | %d | %,d | %+.2f %% |%n", name, w,
                    SlowdownModels.macs(w), 100 * SlowdownModels.extraComputeFraction(w)));
            System.out.println("wrote " + out.resolve(name));
        }
        AtomicFile.writeString(out.resolve("models.md"), table.toString());
        System.out.print(table);
        return ExitCodes.OK;
    }
}
