package org.blockbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.blockbench.quant.CalibrationMethod;
import org.blockbench.data.CalibrationSet;
import org.blockbench.quant.QuantSettings;
import org.blockbench.zoo.Form;
import org.blockbench.quant.VariantOptions;
import picocli.CommandLine.Option;

/** {@code --variants} and the INT8 calibration options shared by export, train and run (docs/quantization.md). */
public final class VariantCliOptions {

    @Option(names = "--variants", split = ",", paramLabel = "VARIANT",
            description = "Deployment variants of each deploy form, comma-separated: int8 (QDQ static quantization), "
                    + "fp16 (default: none)")
    List<String> variants = new ArrayList<>();

    @Option(names = "--calibration-method", defaultValue = "minmax",
            description = "INT8 calibration: minmax, percentile, entropy, or auto (per tensor, whichever of the three gives that "
                    + "tensor the highest SNR on the calibration set; docs/quantization.md §Calibration) (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--calibration-percentile", defaultValue = "99.999",
            description = "Percentile of |x| kept by --calibration-method percentile (default: ${DEFAULT-VALUE})")
    double percentile;

    @Option(names = "--calibration-images", defaultValue = "" + CalibrationSet.DEFAULT_IMAGES,
            description = "Training images INT8 is calibrated on (default: ${DEFAULT-VALUE})")
    int images;

    @Option(names = "--calibration-batch", defaultValue = "" + CalibrationSet.DEFAULT_BATCH,
            description = "Images per calibration inference; fewer calibration images than one batch is refused "
                    + "(default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--calibration-seed", defaultValue = "0", description = "Seed of the calibration draw (default: ${DEFAULT-VALUE})")
    long seed;

    /** The options, checked: unknown variant or method names and a set smaller than a batch are bad input. */
    public VariantOptions options() {
        return new VariantOptions(Form.parseVariants(variants), QuantSettings.forThisCpu(CalibrationMethod.parse(method), percentile),
                images, batch, seed);
    }
}
