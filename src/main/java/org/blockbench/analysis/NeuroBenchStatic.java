package org.blockbench.analysis;

/**
 * NeuroBench static metrics (see {@link Conventions#NEUROBENCH}).
 *
 * @param footprintBytes     bytes of parameters and buffers
 * @param weightElements     elements of the distinct Conv/ConvTranspose/Gemm/MatMul/Einsum weight tensors
 * @param zeroWeightElements how many of them are zero
 */
public record NeuroBenchStatic(long footprintBytes, long weightElements, long zeroWeightElements) {

    /** Zero weights over all weights; null when the graph has no such weights. */
    public Double connectionSparsity() {
        return weightElements == 0 ? null : (double) zeroWeightElements / weightElements;
    }
}
