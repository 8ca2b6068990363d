package org.blockbench.analysis;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The static cost analysis of one graph. Totals add up the nodes whose costs are known; when
 * {@link #complete()} is false they are lower bounds and {@link #incompleteReasons()} says why.
 *
 * @param model             identity of the model
 * @param inputShapes       static shapes used for the graph inputs
 * @param assumedDims       symbolic dims nobody set, with the value 1 assumed for each
 * @param complete          true when every node's costs are known
 * @param incompleteReasons why not (empty when complete)
 * @param unsupportedOps    operator types without a rule, by name
 * @param warnings          inconsistencies that did not stop the analysis
 * @param params            parameters, buffers and constants ({@link Conventions#PARAMS})
 * @param macs              total MACs ({@link Conventions#MACS})
 * @param flopsAllOperator  total all-operator FLOPs ({@link Conventions#FLOPS})
 * @param memory            memory figures ({@link Conventions#MEMORY})
 * @param neuroBench        NeuroBench static metrics ({@link Conventions#NEUROBENCH})
 * @param opTypes           per-operator-type totals, by op type name
 * @param nodes             per-node costs, in graph order
 * @param integerMacs       the part of {@code macs} computed on 8-bit integers ({@link Conventions#INTEGER_MACS})
 */
public record GraphAnalysis(ModelInfo model, SortedMap<String, long[]> inputShapes, SortedMap<String, Long> assumedDims,
                            boolean complete, List<String> incompleteReasons, SortedSet<String> unsupportedOps,
                            List<String> warnings, ParameterTotals params, long macs, long flopsAllOperator,
                            MemoryTotals memory, NeuroBenchStatic neuroBench, List<OpTypeSummary> opTypes,
                            List<NodeCost> nodes, long integerMacs) {

    public GraphAnalysis {
        incompleteReasons = List.copyOf(incompleteReasons);
        warnings = List.copyOf(warnings);
        opTypes = List.copyOf(opTypes);
        nodes = List.copyOf(nodes);
    }

    /** 2 × MACs: the FLOPs figure of papers that quote MACs ({@link Conventions#flopsTwoTimesMacs}). */
    public long flopsTwoTimesMacs() {
        return Conventions.flopsTwoTimesMacs(macs);
    }
}
