package org.blockbench.report;

import java.util.List;

/**
 * The static costs of one model graph as the analysis reports them (docs/protocol.md §Counting), at the batch the
 * analysis assumed (1 unless it says otherwise).
 *
 * @param form                    which graph was analysed (train, deploy, or "file")
 * @param paramElements           distinct parameter elements (BN running statistics excluded)
 * @param paramBytes              their bytes
 * @param bufferBytes             bytes of BN running statistics
 * @param macs                    multiply-accumulates of Conv/Gemm/MatMul/Einsum (torchvision/fvcore)
 * @param flopsTwoTimesMacs       2 × MACs
 * @param flopsAllOperator        every operator counted per element
 * @param peakActivationBytes     peak live activation bytes over the topological schedule
 * @param complete                false when some node's costs are unknown (totals are then lower bounds)
 * @param unsupportedOps          operator types the analysis has no rule for
 */
public record CostFigures(String form, long paramElements, long paramBytes, long bufferBytes, long macs,
                          long flopsTwoTimesMacs, long flopsAllOperator, long peakActivationBytes, boolean complete,
                          List<String> unsupportedOps) {

    public CostFigures {
        unsupportedOps = List.copyOf(unsupportedOps);
    }

    /** The costs of a graph analysed here (a user's file): symbolic dims at 1, as the zoo's analysis does. */
    static CostFigures of(org.blockbench.analysis.GraphAnalysis a, String form) {
        return new CostFigures(form, a.params().elements(), a.params().bytes(), a.params().bufferBytes(), a.macs(),
                a.flopsTwoTimesMacs(), a.flopsAllOperator(), a.memory().peakLiveActivationBytes(), a.complete(),
                List.copyOf(a.unsupportedOps()));
    }

    /** Memory of one inference: parameters + buffers + peak live activations. */
    public long memoryBytes() {
        return paramBytes + bufferBytes + peakActivationBytes;
    }
}
