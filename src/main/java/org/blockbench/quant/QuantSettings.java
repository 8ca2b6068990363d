package org.blockbench.quant;

import org.blockbench.host.CpuFeatures;

/**
 * The INT8 choices: the calibration method and, for {@link CalibrationMethod#PERCENTILE}, the
 * percentile, chosen by the user; the weights' integer range, chosen by the CPU the variant is
 * made for. Everything else follows ONNX Runtime's QDQ defaults (docs/quantization.md).
 *
 * @param method      how activation ranges are chosen
 * @param percentile  the percentile of |x| kept by {@link CalibrationMethod#PERCENTILE}, in (0, 100]
 * @param reduceRange 7-bit weights in [-64, 64] (ONNX Runtime's {@code reduce_range}) instead of [-127, 127]
 * @param cpu         the CPU the variant is made on and for, recorded in the variant's metadata
 */
public record QuantSettings(CalibrationMethod method, double percentile, boolean reduceRange, CpuFeatures cpu) {

    /** ONNX Runtime's default percentile. */
    public static final double DEFAULT_PERCENTILE = 99.999;

    /** MinMax, ONNX Runtime's default method, for this machine's CPU. */
    public static final QuantSettings DEFAULT = forThisCpu(CalibrationMethod.MIN_MAX, DEFAULT_PERCENTILE);

    public QuantSettings {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new org.blockbench.BadInputException("percentile must be in (0, 100], found " + percentile);
        }
        java.util.Objects.requireNonNull(cpu, "cpu");
    }

    /**
     * The settings for {@code cpu}: 7-bit weights exactly where its U8S8 kernels can saturate
     * ({@link CpuFeatures#u8s8CanSaturate()}: x86 with AVX2/AVX-512 but no VNNI, where
     * VPMADDUBSW adds two u8×s8 products into a saturating int16: 2 × 255 × 127 = 64,770 does
     * not fit, 2 × 255 × 64 = 32,640 does). This is ONNX Runtime's documented remedy.
     */
    public static QuantSettings forCpu(CalibrationMethod method, double percentile, CpuFeatures cpu) {
        return new QuantSettings(method, percentile, cpu.u8s8CanSaturate(), cpu);
    }

    /** {@link #forCpu} for the CPU this JVM runs on. */
    public static QuantSettings forThisCpu(CalibrationMethod method, double percentile) {
        return forCpu(method, percentile, HostCpu.CPU);
    }

    /** The largest stored |weight|: 64 with {@link #reduceRange}, else 127 (ORT's symmetric int8 ranges). */
    public int weightMax() {
        return reduceRange ? 64 : 127;
    }

    /** The same settings with {@code reduceRange} set explicitly (tests, and a scheme that never saturates). */
    public QuantSettings withReduceRange(boolean reduce) {
        return new QuantSettings(method, percentile, reduce, cpu);
    }

    /** The same settings with another calibration method. */
    public QuantSettings withMethod(CalibrationMethod m) {
        return new QuantSettings(m, percentile, reduceRange, cpu);
    }

    /** The CPU is read once per JVM: /proc/cpuinfo does not change under a running process. */
    private static final class HostCpu {
        static final CpuFeatures CPU = CpuFeatures.detect();
    }
}
