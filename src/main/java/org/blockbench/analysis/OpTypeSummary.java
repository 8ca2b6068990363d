package org.blockbench.analysis;

/**
 * Totals of one operator type. Shares are fractions of the graph totals (0 when the total is 0).
 *
 * @param opType           operator type
 * @param count            nodes of this type
 * @param macs             their MACs (known nodes only)
 * @param macsShare        macs / total macs
 * @param flopsAllOperator their all-operator FLOPs (known nodes only)
 * @param flopsShare       flops / total all-operator flops
 * @param paramElements    parameter elements they read (per use)
 */
public record OpTypeSummary(String opType, int count, long macs, double macsShare, long flopsAllOperator,
                            double flopsShare, long paramElements) {
}
