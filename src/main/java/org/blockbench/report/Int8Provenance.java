package org.blockbench.report;

import java.nio.file.Path;
import org.blockbench.host.CpuFeatures;
import org.blockbench.quant.TensorErrorFile;

/**
 * Where a row's INT8 variant comes from and where it loses (docs/quantization.md §Board): the
 * instruction set it was quantized for (its metadata, {@code blockbench.quant.isa}), the one its
 * latency was measured on (the bench results' environment), and its worst tensor from the
 * per-tensor report export wrote beside it. Each part is null where not recorded.
 *
 * @param quantizedFor the CPU line the variant was made for ({@code CpuFeatures.describe})
 * @param reduceRange  its {@code blockbench.quant.reduce_range} value
 * @param measuredOn   the CPU line of the sweep that measured its latency ("mixed: …" for a merge of several)
 * @param worstTensor  the lowest-SNR quantized tensor
 * @param tensorReport the per-tensor report it was read from ({@code deploy.int8.explain.json})
 */
public record Int8Provenance(String quantizedFor, String reduceRange, String measuredOn, TensorErrorFile.Tensor worstTensor,
                             Path tensorReport) {

    /** The board's own copy of the per-tensor report, relative to the board's directory. */
    static final String REPORTS_DIR = "int8-explain";

    /** The prefix of a {@link #measuredOn} that names several CPUs (a merge of sweeps on different machines). */
    static final String MIXED = "mixed: ";

    /**
     * Whether both ISAs are known and differ ({@link CpuFeatures#instructionSetOf}), or the result
     * merges several CPUs: the speed-up is then not that of the instruction set the variant was made for.
     */
    public boolean isaMismatch() {
        return quantizedFor != null && measuredOn != null && (measuredOn.startsWith(MIXED)
                || !CpuFeatures.instructionSetOf(quantizedFor).equals(CpuFeatures.instructionSetOf(measuredOn)));
    }

    /** "avx2, no VNNI" (or "avx2, no VNNI ≠ quantized for avx512+vnni"); "" when not measured. */
    public String measuredOnText() {
        if (measuredOn == null) {
            return "";
        }
        String on = measuredOn.startsWith(MIXED) ? measuredOn : CpuFeatures.instructionSetOf(measuredOn);
        return isaMismatch() ? on + " ≠ quantized for " + CpuFeatures.instructionSetOf(quantizedFor) : on;
    }

    /** The instruction set it was quantized for, "" when not recorded. */
    public String quantizedForText() {
        return quantizedFor == null ? "" : CpuFeatures.instructionSetOf(quantizedFor);
    }

    /** "stageB.0.attn/Softmax (21.1 dB)", "" without a report. */
    public String worstTensorText() {
        return worstTensor == null ? "" : String.format(java.util.Locale.ROOT, "%s (%.1f dB)", worstTensor.tensor(),
                worstTensor.snrDb());
    }

    /**
     * The path of the board's copy of the report, relative to the board: "int8-explain/Block/mid/deploy.int8.explain.json"
     * (the two folders above the report are its block and position, as export writes it); null without a report.
     */
    public String link() {
        if (tensorReport == null) {
            return null;
        }
        Path position = tensorReport.toAbsolutePath().getParent();
        Path block = position.getParent();
        return REPORTS_DIR + "/" + block.getFileName() + "/" + position.getFileName() + "/" + tensorReport.getFileName();
    }
}
