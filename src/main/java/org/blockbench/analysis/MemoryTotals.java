package org.blockbench.analysis;

/**
 * Memory figures ({@link Conventions#MEMORY}).
 *
 * @param parameterBytes           bytes of the distinct parameters
 * @param bufferBytes              bytes of the distinct buffers
 * @param activationBytesTotal     sum of all activation bytes (every node output and graph input once)
 * @param peakLiveActivationBytes  peak of live activation bytes over the schedule (a lower bound when
 *                                 some shapes are unknown)
 * @param peakNode                 name of the node during which the peak occurs ("" for an empty graph)
 */
public record MemoryTotals(long parameterBytes, long bufferBytes, long activationBytesTotal,
                           long peakLiveActivationBytes, String peakNode) {
}
