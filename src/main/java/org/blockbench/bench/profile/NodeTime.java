package org.blockbench.bench.profile;

/**
 * Kernel time of one graph node, summed over every run in a profile.
 *
 * @param node        the node's name in the optimised graph ("stageA.0/Conv_1", or a fused
 *                    node ONNX Runtime made, such as "Relu_nchwc")
 * @param opType      the operator ONNX Runtime ran ("Conv", "FusedConv", "ReorderOutput")
 * @param provider    the execution provider that ran it ("CPUExecutionProvider")
 * @param calls       how many kernel events the profile holds for it
 * @param totalMicros the sum of their durations, in microseconds
 */
public record NodeTime(String node, String opType, String provider, long calls, long totalMicros) {

    /** Mean kernel time per call, in microseconds. */
    public double meanMicros() {
        return calls == 0 ? Double.NaN : (double) totalMicros / calls;
    }
}
